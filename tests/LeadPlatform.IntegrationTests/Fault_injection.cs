using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Faults on the real broker while quote requests flow through the three services, counted downstream as Jepsen
/// counts messages: every request acknowledged with 202 must end as exactly one follow-up task.
/// </summary>
[Collection(BrokerFaults.Name)]
public sealed class Fault_injection(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    private const int PerPhase = 10;

    [Fact]
    public async Task RabbitMQ_stopped_during_a_burst_and_started_again_loses_and_duplicates_nothing()
    {
        var node = PrivateNode();
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());

        var before = await SubmitAsync(services, PerPhase);
        await node.StopAppAsync();
        var during = await SubmitAsync(services, PerPhase); // intake keeps accepting: it stores before it acknowledges
        // Every service reports the broker outage as Degraded and stays ready: HTTP (forms, dashboard, APIs) keeps working.
        foreach (var host in new[] { services.Intake, services.Qualification, services.FollowUp })
        {
            var ready = await Eventually.GetAsync(() => ReadinessAsync(host), r => r.Body == "Degraded", TimeSpan.FromSeconds(30), "readiness to report the broker down");
            Assert.Equal(HttpStatusCode.OK, ready.Status);
        }
        await node.StartAppAsync();
        await Eventually.GetAsync(() => ReadinessAsync(services.Qualification), r => r.Body == "Healthy", TimeSpan.FromSeconds(60), "readiness to recover");
        var after = await SubmitAsync(services, PerPhase);

        var table = await CountAsync(services, ("before the stop", before), ("while stopped", during), ("after the start", after));
        Report("RabbitMQ stopped (rabbitmqctl stop_app) during a burst", table);
        Assert.All(table, row => Assert.Equal((row.Accepted, 0, 0), (row.ExactlyOnce, row.Lost, row.Duplicated)));
    }

    [Fact]
    public async Task Every_connection_dropped_mid_flight_loses_and_duplicates_nothing()
    {
        var node = PrivateNode();
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());

        var burst = SubmitAsync(services, PerPhase * 2);
        await Task.Delay(50);
        await node.CloseAllConnectionsAsync();
        var accepted = await burst;
        var after = await SubmitAsync(services, PerPhase);

        var table = await CountAsync(services, ("in flight at the drop", accepted), ("after reconnecting", after));
        Report("All connections closed (rabbitmqctl close_all_connections) mid-flight", table);
        Assert.All(table, row => Assert.Equal((row.Accepted, 0, 0), (row.ExactlyOnce, row.Lost, row.Duplicated)));
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadinessAsync(RunningHost host)
    {
        using var response = await host.Http.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private LocalRabbitMqNode PrivateNode()
    {
        rabbit.RequireUri();
        if (rabbit.LocalNode is null) Assert.Skip($"Needs a broker this test may stop; RabbitMQ came from {rabbit.Source}.");
        return rabbit.LocalNode;
    }

    private static async Task<List<(Guid QuoteRequestId, Guid LeadId)>> SubmitAsync(DistributedServices services, int count)
    {
        var posts = Enumerable.Range(0, count).Select(async _ =>
        {
            using var response = await services.Intake.Http.PostAsJsonAsync("/api/v1/quote-requests", SampleQuoteRequest.Create(phone: null));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            return (Guid.Parse(body!["quoteRequestId"]!.GetValue<string>()), Guid.Parse(body["leadId"]!.GetValue<string>()));
        });
        return [.. await Task.WhenAll(posts)];
    }

    /// <summary>Polls follow-up until every accepted request has its task or the deadline passes, then counts.</summary>
    private static async Task<List<Row>> CountAsync(DistributedServices services, params (string Phase, List<(Guid QuoteRequestId, Guid LeadId)> Requests)[] phases)
    {
        var tasks = phases.SelectMany(p => p.Requests).ToDictionary(r => r.LeadId, _ => 0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && tasks.Values.Any(n => n == 0))
        {
            foreach (var leadId in tasks.Where(t => t.Value == 0).Select(t => t.Key).ToList())
            {
                using var r = await services.FollowUp.Http.GetAsync($"/api/v1/leads/{leadId}");
                if (r.StatusCode == HttpStatusCode.OK)
                    tasks[leadId] = (await r.Content.ReadFromJsonAsync<JsonObject>())!["tasks"]!.AsArray().Count;
            }
            await Task.Delay(250);
        }
        // A last look at every lead, so a duplicate that arrived late is counted too.
        foreach (var leadId in tasks.Keys.ToList())
        {
            using var r = await services.FollowUp.Http.GetAsync($"/api/v1/leads/{leadId}");
            if (r.StatusCode == HttpStatusCode.OK)
                tasks[leadId] = (await r.Content.ReadFromJsonAsync<JsonObject>())!["tasks"]!.AsArray().Count;
        }
        return phases.Select(p => new Row(p.Phase, p.Requests.Count,
            p.Requests.Count(r => tasks[r.LeadId] == 1), p.Requests.Count(r => tasks[r.LeadId] == 0), p.Requests.Count(r => tasks[r.LeadId] > 1))).ToList();
    }

    private void Report(string fault, List<Row> table)
    {
        output.WriteLine(fault);
        output.WriteLine($"{"phase",-24} {"accepted",8} {"exactly once",12} {"lost",5} {"duplicated",10}");
        foreach (var row in table)
            output.WriteLine($"{row.Phase,-24} {row.Accepted,8} {row.ExactlyOnce,12} {row.Lost,5} {row.Duplicated,10}");
    }

    private sealed record Row(string Phase, int Accepted, int ExactlyOnce, int Lost, int Duplicated);
}
