using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>The walking skeleton end to end: three separate hosts, a real RabbitMQ broker, real HTTP.</summary>
public sealed class Distributed_services_over_RabbitMQ(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    [Fact]
    public async Task A_posted_quote_request_becomes_a_follow_up_task()
    {
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());
        output.WriteLine($"RabbitMQ from {rabbit.Source}");

        var (quoteRequestId, leadId) = await services.SubmitAsync(SampleQuoteRequest.Create());

        var lead = await Eventually.GetAsync(() => GetJsonAsync(services.FollowUp, $"/api/v1/leads/{leadId}"),
            l => l?["tasks"]?.AsArray().Count > 0, what: "the follow-up task");
        var task = lead!["tasks"]!.AsArray().Single()!;
        Assert.Equal(quoteRequestId.ToString(), task["quoteRequestId"]!.GetValue<string>());
        Assert.Equal("open", task["status"]!.GetValue<string>());
        Assert.Equal("Maria Lopez", lead["name"]!.GetValue<string>());
        var kinds = lead["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["submitted", "qualified", "task_created"], kinds.Take(3)); // then the acknowledgement, when it has gone

        var status = await Eventually.GetAsync(() => GetJsonAsync(services.Intake, $"/api/v1/quote-requests/{quoteRequestId}"),
            s => s?["status"]?.GetValue<string>() == "qualified", what: "intake to learn the request was qualified");
        Assert.Equal(leadId.ToString(), status!["leadId"]!.GetValue<string>());

        var decisions = await GetJsonArrayAsync(services.Qualification, $"/api/v1/qualifications/{leadId}");
        Assert.Equal("qualified", Assert.Single(decisions)!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disqualified_request_is_recorded_and_creates_no_task()
    {
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());

        var (quoteRequestId, leadId) = await services.SubmitAsync(SampleQuoteRequest.Minor());

        await Eventually.GetAsync(() => GetJsonAsync(services.Intake, $"/api/v1/quote-requests/{quoteRequestId}"),
            s => s?["status"]?.GetValue<string>() == "disqualified", what: "the request to be disqualified");
        var lead = await Eventually.GetAsync(() => GetJsonAsync(services.FollowUp, $"/api/v1/leads/{leadId}"),
            l => l?["status"]?.GetValue<string>() == "not_eligible", what: "follow-up to record the lead as not eligible");
        Assert.Empty(lead!["tasks"]!.AsArray());
        Assert.Contains(lead["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "disqualified"
                                                          && e["summary"]!.GetValue<string>().Contains("under 18", StringComparison.OrdinalIgnoreCase));
        var queue = await services.FollowUp.Http.GetFromJsonAsync<JsonArray>("/api/v1/tasks");
        Assert.DoesNotContain(queue!, t => t!["leadId"]!.GetValue<string>() == leadId.ToString());
    }

    [Fact]
    public async Task Every_service_logs_the_journey_to_Seq_with_the_same_lead_and_conversation_and_no_contact_data()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        await using var seq = await FakeSeq.StartAsync();
        await using var services = await DistributedServices.StartAsync(uri, seq.Url);
        var request = SampleQuoteRequest.Create();
        var email = request["email"]!.GetValue<string>();

        var (quoteRequestId, leadId) = await services.SubmitAsync(request);
        await Eventually.GetAsync(() => GetJsonAsync(services.FollowUp, $"/api/v1/leads/{leadId}"),
            l => l?["tasks"]?.AsArray().Count > 0, what: "the follow-up task");

        var journey = await Eventually.GetAsync(() => Task.FromResult(seq.EventsWith("LeadId", leadId.ToString())),
            events => new[] { "Intake", "Qualification", "FollowUp" }.All(s => events.Any(e => FakeSeq.ValueOf(e["Service"]) == s)),
            TimeSpan.FromSeconds(20), "log events of all three services in Seq");

        foreach (var service in new[] { "Intake", "Qualification", "FollowUp" })
        {
            var events = journey.Where(e => FakeSeq.ValueOf(e["Service"]) == service).ToList();
            Assert.All(events, e => Assert.Equal(quoteRequestId.ToString(), FakeSeq.ValueOf(e["ConversationId"])));
            output.WriteLine($"{service}: {events.Count} events, e.g. {events[0]["@mt"]}");
        }
        Assert.All(journey, e => Assert.NotNull(e["@mt"])); // message templates, not pre-rendered strings
        Assert.All(journey, e => Assert.Matches("^[0-9a-f]{8}$", FakeSeq.ValueOf(e["EventType"]) ?? string.Empty));
        Assert.All(journey.GroupBy(e => FakeSeq.ValueOf(e["@mt"])), g => Assert.Single(g.Select(e => FakeSeq.ValueOf(e["EventType"])).Distinct()));
        Assert.DoesNotContain(seq.Events, e => e.ToJsonString().Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(seq.Events, e => e.ToJsonString().Contains("+14155550134", StringComparison.Ordinal));
    }

    private static async Task<JsonObject?> GetJsonAsync(RunningHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private static async Task<JsonArray> GetJsonArrayAsync(RunningHost host, string path) =>
        await host.Http.GetFromJsonAsync<JsonArray>(path) ?? [];
}
