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
        // The automatic acknowledgement may already follow (blocked here: no clinic address is configured).
        Assert.Equal(["submitted", "qualified", "task_created"], kinds.Where(k => !k.StartsWith("outreach_", StringComparison.Ordinal)));

        var status = await Eventually.GetAsync(() => GetJsonAsync(services.Intake, $"/api/v1/quote-requests/{quoteRequestId}"),
            s => s?["status"]?.GetValue<string>() == "done", what: "intake to learn the request was decided");
        Assert.Null(status!["leadId"]); // its own processing status only: no lead, no decision
        Assert.Null(status["tier"]);

        var decisions = await GetJsonArrayAsync(services.Qualification, $"/api/v1/qualifications/{leadId}");
        Assert.Equal("qualified", Assert.Single(decisions)!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disqualified_request_is_recorded_and_creates_no_task()
    {
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());

        var (quoteRequestId, leadId) = await services.SubmitAsync(SampleQuoteRequest.Minor());

        await Eventually.GetAsync(() => GetJsonAsync(services.Intake, $"/api/v1/quote-requests/{quoteRequestId}"),
            s => s?["status"]?.GetValue<string>() == "done", what: "the request to be decided");
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
        // The documented steps (deploy/seq/README.md), in order, all with this lead's id.
        const string stored = "Quote request {QuoteRequestId} stored for lead {LeadId} from site {SiteId}, form {FormId}";
        const string published = "Published {MessageType} {MessageId} from {Store} for lead {LeadId} in conversation {ConversationId}";
        const string qualified = "Lead {LeadId} qualified: tier {Tier}, score {Score}, clinical flags {Flags}, rule set {RuleSetVersion}";
        const string recorded = "Submission {QuoteRequestId} recorded on lead {LeadId}";
        const string taskCreated = "Follow-up task {TaskId} created for lead {LeadId}, tier {Tier}, due {DueAt}";
        const string status = "Quote request {QuoteRequestId} is now {Status}";
        const string handled = "Handled {MessageType} {MessageId} in {ElapsedMs:0.0} ms (retry {RetryAttempt}, redelivery {RedeliveryCount})";
        journey = await Eventually.GetAsync(() => Task.FromResult(seq.EventsWith("LeadId", leadId.ToString())),
            // "Published" is logged when the broker confirms, which can come after the consumer's own steps: wait for it too.
            events => new[] { stored, qualified, recorded, taskCreated, status }.All(t => events.Any(e => FakeSeq.ValueOf(e["@mt"]) == t))
                      && new[] { "QuoteRequestSubmitted", "LeadQualified" }.All(m => events.Any(e => FakeSeq.ValueOf(e["@mt"]) == published && FakeSeq.ValueOf(e["MessageType"]) == m))
                      && events.Any(e => FakeSeq.ValueOf(e["@mt"]) == handled && FakeSeq.ValueOf(e["MessageType"]) == "LeadQualified"),
            TimeSpan.FromSeconds(20), "every documented step of the journey in Seq");
        DateTimeOffset At(string template, string? messageType = null) => journey
            .Where(e => FakeSeq.ValueOf(e["@mt"]) == template && (messageType is null || FakeSeq.ValueOf(e["MessageType"]) == messageType))
            .Select(e => DateTimeOffset.Parse(FakeSeq.ValueOf(e["@t"])!, System.Globalization.CultureInfo.InvariantCulture)).Min();
        // ("Published" is logged once the broker confirmed, which can be after a consumer already handled it: not ordered.)
        var steps = new (string Step, DateTimeOffset At)[] { ("stored", At(stored)), ("qualified", At(qualified)), ("task created", At(taskCreated)) };
        Assert.Contains(journey, e => FakeSeq.ValueOf(e["@mt"]) == published && FakeSeq.ValueOf(e["MessageType"]) == "QuoteRequestSubmitted");
        Assert.Contains(journey, e => FakeSeq.ValueOf(e["@mt"]) == published && FakeSeq.ValueOf(e["MessageType"]) == "LeadQualified");
        foreach (var (step, at) in steps) output.WriteLine($"{at:HH:mm:ss.fff} {step}");
        Assert.Equal(steps.Select(s => s.Step), steps.OrderBy(s => s.At).Select(s => s.Step));
        Assert.All(new[] { stored, qualified, recorded, taskCreated }, t => Assert.Single(journey, e => FakeSeq.ValueOf(e["@mt"]) == t));
        // Message handling and HTTP requests are logged too: type, elapsed, retry; route template, status, elapsed.
        Assert.Contains(journey, e => FakeSeq.ValueOf(e["@mt"]) == handled && FakeSeq.ValueOf(e["MessageType"]) == "LeadQualified"
                                      && e["ElapsedMs"] is not null && FakeSeq.ValueOf(e["RetryAttempt"]) == "0");
        Assert.Contains(seq.Events, e => FakeSeq.ValueOf(e["RouteTemplate"])?.TrimEnd('/') == "/api/v1/quote-requests" && FakeSeq.ValueOf(e["RequestMethod"]) == "POST"
                                         && FakeSeq.ValueOf(e["StatusCode"]) == "202" && e["Elapsed"] is not null);

        // No personal data the form carried, in any event of any service.
        string[] personal = [email, "Maria", "Lopez", "+14155550134", "415 555 0134", "4155550134", request["message"]!.GetValue<string>(), "1990-04-12", "94110"];
        foreach (var value in personal)
            Assert.DoesNotContain(seq.Events, e => e.ToJsonString().Contains(value, StringComparison.OrdinalIgnoreCase));
        output.WriteLine($"{seq.Events.Count} events in Seq, none with any of: name, email, phone, message, date of birth, postal code");
    }

    private static async Task<JsonObject?> GetJsonAsync(RunningHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private static async Task<JsonArray> GetJsonArrayAsync(RunningHost host, string path) =>
        await host.Http.GetFromJsonAsync<JsonArray>(path) ?? [];
}
