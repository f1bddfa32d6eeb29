using System.Net;
using System.Net.Http.Json;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// What <c>/health/ready</c> answers per service while RabbitMQ is down (deploy/README.md, "Readiness"): every service
/// stays ready (200, the broker reported <c>Degraded</c>), since each writes its events into its outbox and its
/// consumers resume by themselves; intake keeps accepting requests meanwhile. Only the store takes a service out (503).
/// </summary>
[Collection(BrokerFaults.Name)]
public sealed class Readiness_through_a_broker_outage(RabbitMqFixture rabbit)
{
    [Fact]
    public async Task Every_service_stays_ready_and_degraded_while_the_broker_is_down_and_intake_keeps_accepting()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        if (rabbit.LocalNode is not { } node)
        {
            Assert.Skip($"This test stops the broker, which only the fixture's private node allows (RabbitMQ came from {rabbit.Source}).");
            return;
        }
        await using var services = await DistributedServices.StartAsync(uri);
        var hosts = new[] { services.Intake, services.Qualification, services.FollowUp };
        await node.StopAppAsync();
        try
        {
            foreach (var host in hosts)
            {
                var answer = await Eventually.GetAsync(async () =>
                {
                    using var response = await host.Http.GetAsync("/health/ready");
                    return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
                }, r => r.Body.Contains("Degraded", StringComparison.Ordinal), TimeSpan.FromSeconds(60), $"{host.Address} to report the broker");
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }
            using var posted = await services.Intake.Http.PostAsJsonAsync("/api/v1/quote-requests", SampleQuoteRequest.Create());
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        finally
        {
            await node.StartAppAsync();
        }
        foreach (var host in hosts)
            await Eventually.GetAsync(async () => await (await host.Http.GetAsync("/health/ready")).Content.ReadAsStringAsync(),
                b => b == "Healthy", TimeSpan.FromSeconds(60), $"{host.Address} to be healthy again");
    }
}
