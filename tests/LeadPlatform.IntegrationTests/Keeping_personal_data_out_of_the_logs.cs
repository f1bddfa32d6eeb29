using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// A whole journey on the standalone host (a request accepted, a second one refused, qualification, the task, the
/// acknowledgement email through the compliance gate, the lead read back), every log event captured as Seq receives
/// it: the name, email, phone and message submitted appear in none of them, masked or not, in no property.
/// </summary>
public sealed class Keeping_personal_data_out_of_the_logs : IAsyncLifetime
{
    private const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("leadplatform-logs-").FullName;
    private FakeSeq _seq = null!;
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _seq = await FakeSeq.StartAsync();
        _host = await RunningHost.StartAsync(StandaloneHost.Build,
            $"--Storage:DataFolder={_dataFolder}",
            "--Outbox:PollInterval=00:00:00.100",
            $"--Seq:ServerUrl={_seq.Url}",
            "--Seq:PeriodMs=100",
            $"--FollowUp:ClinicPostalAddress={ClinicAddress}");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _seq.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task No_log_event_of_a_whole_journey_contains_the_submitted_name_email_phone_or_message()
    {
        var email = $"evangelina.throckmorton+{Guid.NewGuid():N}@fastmail.com";
        var request = SampleQuoteRequest.Create(email: email, phone: "+1 415 555 0188");
        request["firstName"] = "Evangelina";
        request["lastName"] = "Throckmorton";
        request["message"] = "Zebra-striped ache since the marathon";
        request["consent"]!["sms"] = new JsonObject
        {
            ["granted"] = true,
            ["text"] = "I agree to receive text messages. Consent is not a condition of purchase.",
            ["textVersion"] = "2026-11",
        };
        _host.Http.DefaultRequestHeaders.Add("X-Api-Key", "example-development-key");

        using var posted = await _host.Http.PostAsJsonAsync("/api/v1/quote-requests", request);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var leadId = (await FollowUpApi.LeadIdOfAsync(_host.Http, await FollowUpApi.QuoteRequestIdOf(posted))).ToString();
        var refused = request.DeepClone().AsObject();
        refused["country"] = "XX";
        using var refusal = await _host.Http.PostAsJsonAsync("/api/v1/quote-requests", refused);
        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);

        await Eventually.GetAsync(() => _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}"),
            l => l?["outreach"]?.AsArray().Any(o => (string?)o!["status"] == "sent") == true, TimeSpan.FromSeconds(30), "the acknowledgement");
        // The journey was logged (so the check below looks at something), with the lead id as a property.
        var events = await Eventually.GetAsync(() => Task.FromResult(_seq.Events),
            e => e.Count(x => FakeSeq.ValueOf(x["LeadId"]) == leadId) >= 4 && e.Any(x => FakeSeq.ValueOf(x["@mt"])?.Contains("acknowledg", StringComparison.OrdinalIgnoreCase) == true),
            TimeSpan.FromSeconds(15), "the journey's log events in Seq");

        string[] personal = ["Evangelina", "Throckmorton", email, "evangelina.throckmorton", "+14155550188", "4155550188", "415 555 0188", "Zebra-striped"];
        var leaks = events.SelectMany(e => personal.Where(p => Text(e).Contains(p, StringComparison.OrdinalIgnoreCase))
            .Select(p => $"'{p}' in {Truncate(e.ToJsonString())}")).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} personal values in {events.Count} log events:\n{string.Join("\n", leaks.Take(5))}");

        // Speed to lead, for ops: the first acknowledgement says how long after the submission it went out.
        var firstContact = await Eventually.GetAsync(() => Task.FromResult(_seq.EventsWith("LeadId", leadId)),
            e => e.Any(x => FakeSeq.ValueOf(x["@mt"])?.StartsWith("First {OutreachKind}", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(15), "the speed-to-lead event");
        var speed = Assert.Single(firstContact, x => FakeSeq.ValueOf(x["@mt"])?.StartsWith("First {OutreachKind}", StringComparison.Ordinal) == true);
        Assert.Equal("acknowledgement", FakeSeq.ValueOf(speed["OutreachKind"]));
        Assert.InRange(double.Parse(FakeSeq.ValueOf(speed["ElapsedMs"])!, System.Globalization.CultureInfo.InvariantCulture), 0, 60_000);
    }

    /// <summary>Every property name and string value of the event, one per line (JSON escapes such as \u002B undone).</summary>
    private static string Text(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key + "\n" + Text(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Text)),
        JsonValue v => v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString(),
        _ => string.Empty,
    };

    private static string Truncate(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
