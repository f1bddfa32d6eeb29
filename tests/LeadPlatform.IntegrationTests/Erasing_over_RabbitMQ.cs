using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>An erasure requested at intake reaches qualification and follow-up over a real RabbitMQ, and all three confirm it.</summary>
public sealed class Erasing_over_RabbitMQ(RabbitMqFixture rabbit)
{
    [Fact]
    public async Task Every_service_erases_the_lead_and_confirms_and_each_service_s_export_holds_nothing_personal()
    {
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());
        var email = $"wilhelmina.ostergaard+{Guid.NewGuid():N}@fastmail.com";
        var request = SampleQuoteRequest.Create(email: email);
        request["firstName"] = "Wilhelmina";
        var (_, leadId) = await services.SubmitAsync(request);
        await Eventually.GetAsync(() => ExportAsync(services.FollowUp, leadId), e => e?["services"]?["FollowUp"]?["tasks"]?.AsArray().Count == 1,
            what: "the follow-up task");

        using var erase = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/privacy/leads/{leadId}/erasure");
        erase.Headers.Add("X-Operator-Key", DistributedServices.OperatorKey);
        using var erased = await services.Intake.Http.SendAsync(erase);
        Assert.Equal(HttpStatusCode.Accepted, erased.StatusCode);

        var intake = await Eventually.GetAsync(() => ExportAsync(services.Intake, leadId),
            e => e?["services"]?["Intake"]?["quoteRequests"]?[0]?["erasureConfirmedBy"]?.AsArray().Count == 3, TimeSpan.FromSeconds(30), "three confirmations");
        var followUp = await ExportAsync(services.FollowUp, leadId);
        var qualification = await ExportAsync(services.Qualification, leadId);
        Assert.NotNull((string?)followUp!["services"]!["FollowUp"]!["erasedAt"]);
        Assert.Equal("erasure", (string?)qualification!["services"]!["Qualification"]!["suppressed"]!["source"]);
        foreach (var export in new[] { intake!, followUp, qualification })
        {
            var text = System.Text.RegularExpressions.Regex.Unescape(export.ToJsonString());
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Wilhelmina", text, StringComparison.Ordinal);
            Assert.DoesNotContain("+14155550134", text, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonObject?> ExportAsync(RunningHost host, Guid leadId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/privacy/leads/{leadId}/export");
        request.Headers.Add("X-Operator-Key", DistributedServices.OperatorKey);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }
}
