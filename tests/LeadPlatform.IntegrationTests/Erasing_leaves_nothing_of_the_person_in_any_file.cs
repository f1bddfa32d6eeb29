using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// The bytes on disk, not the API: what the standalone host keeps of a person in its LiteDB files (every service's, with
/// their logs) and in the file channels' outbox folder — sealed while the lead is active, gone after an erasure.
/// </summary>
public sealed class Erasing_leaves_nothing_of_the_person_in_any_file : IAsyncDisposable
{
    private const string OperatorKey = "operator-key-for-erasure-file-tests-0123";
    private const string SmsSecret = "sms-webhook-secret-for-erasure-file-tests";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("leadplatform-erasure-files-").FullName;
    private readonly string _email = $"philippa.zwanenburg+{Guid.NewGuid():N}@fastmail.com";
    private readonly string _note = $"Notesecret{Guid.NewGuid():N} says she is HIV positive";
    private readonly string _reply = $"Smssecret{Guid.NewGuid():N} my back pain is worse at night";
    private const string Phone = "+14155550188";
    private const string Message = "Cycling since March hurts my lower back";
    private const string ConsentText = "I agree to be contacted by email about my inquiry.";

    private Task<RunningHost> StartAsync() => RunningHost.StartAsync(StandaloneHost.Build,
        $"--Storage:DataFolder={_dataFolder}",
        "--Outbox:PollInterval=00:00:00.100",
        $"--Privacy:OperatorApiKey={OperatorKey}",
        $"--FollowUp:SmsWebhookSecret={SmsSecret}",
        "--FollowUp:ClinicPostalAddress=Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA");

    [Fact]
    public async Task Notes_SMS_replies_and_reasons_are_sealed_at_rest_and_after_an_erasure_no_file_holds_the_person()
    {
        Guid leadId;
        List<string> reasons;
        await using (var host = await StartAsync())
        {
            (leadId, reasons) = await LeadWithNoteReplyAndAcknowledgementAsync(host);
        }

        // Active: the free text about the person is sealed in every database file, like the person.
        var activeFree = FilesHolding(DatabaseFiles(), [_note, _reply, .. reasons, Message, _email, "Zwanenburg"]);
        Assert.True(activeFree.Count == 0, "in clear while the lead is active: " + string.Join("; ", activeFree));
        Assert.NotEmpty(OutboxFiles()); // the acknowledgement's copy, until the erasure

        await using (var host = await StartAsync())
        {
            using var erase = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/privacy/leads/{leadId}/erasure");
            erase.Headers.Add("X-Operator-Key", OperatorKey);
            using (var erasure = await host.Http.SendAsync(erase))
                Assert.Equal(HttpStatusCode.Accepted, erasure.StatusCode);
            var after = await Eventually.GetAsync(() => ExportAsync(host, leadId),
                e => e?["services"]?["Intake"]?["quoteRequests"]?[0]?["erasureConfirmedBy"]?.AsArray().Count == 3, TimeSpan.FromSeconds(30), "three confirmations");
            var exported = after!.ToJsonString();
            foreach (var value in new[] { _note, _reply, Message, "Zwanenburg", "Philippa" })
                Assert.DoesNotContain(value, exported, StringComparison.OrdinalIgnoreCase);
            foreach (var reason in reasons) Assert.DoesNotContain(reason, exported, StringComparison.Ordinal);
            // Proof without the person: decisions, versions, consent wording and the keyed hashes of what consented.
            var intake = after["services"]!["Intake"]!["quoteRequests"]![0]!;
            Assert.Contains(ConsentText, intake.ToJsonString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string?)intake["consentedEmailKey"]), "the keyed hash of the address that consented");
            var decision = after["services"]!["Qualification"]!["decisions"]![0]!;
            Assert.False(string.IsNullOrEmpty((string?)decision["ruleSetVersion"]));
        }

        // Erased: no database file (each service's, and its log) and no outbox file holds any of it.
        string[] needles = [_email, "philippa.zwanenburg", Phone, "4155550188", "Philippa", "Zwanenburg", Message, _note, _reply, .. reasons];
        var left = FilesHolding([.. DatabaseFiles(), .. OutboxFiles()], needles);
        Assert.True(left.Count == 0, "left after the erasure: " + string.Join("; ", left));
        Assert.Empty(OutboxFiles());
    }

    /// <summary>A lead with an acknowledgement sent (a file in the outbox), a coordinator's note and an SMS reply; returns it and its decision's reason texts.</summary>
    private async Task<(Guid LeadId, List<string> Reasons)> LeadWithNoteReplyAndAcknowledgementAsync(RunningHost host)
    {
        var request = SampleQuoteRequest.Create(email: _email, phone: "+1 415 555 0188");
        request["firstName"] = "Philippa";
        request["lastName"] = "Zwanenburg";
        request["message"] = Message;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = JsonContent.Create(request) };
        post.Headers.Add("X-Api-Key", "example-development-key");
        using var posted = await host.Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var leadId = await FollowUpApi.LeadIdOfAsync(host.Http, await FollowUpApi.QuoteRequestIdOf(posted));
        await Eventually.GetAsync(() => host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}"),
            l => l?["outreach"]?.AsArray().Any(o => (string?)o!["status"] == "sent") == true, TimeSpan.FromSeconds(30), "the acknowledgement");

        Assert.True(await host.App.Services.GetRequiredService<LeadActions>().AddNoteAsync(leadId, _note, "coordinator.ana", TestContext.Current.CancellationToken));
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["from"] = Phone, ["text"] = _reply }.ToJsonString());
        using var sms = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        sms.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        sms.Headers.Add(SmsWebhookEndpoints.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        sms.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(SmsSecret, timestamp, body));
        using (var received = await host.Http.SendAsync(sms))
            Assert.Equal(HttpStatusCode.OK, received.StatusCode);

        var lead = (await host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}"))!.ToJsonString();
        Assert.Contains(_note, lead, StringComparison.Ordinal);
        Assert.Contains("Smssecret", lead, StringComparison.Ordinal);
        var decisions = await host.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{leadId}");
        var reasons = decisions!.SelectMany(d => d!["reasons"]!.AsArray().Concat(d["disqualifications"]!.AsArray()))
            .Select(r => (string)r!["text"]!).Where(t => t.Length >= 12).Distinct().ToList();
        Assert.NotEmpty(reasons);
        return (leadId, reasons);
    }

    private static async Task<JsonObject?> ExportAsync(RunningHost host, Guid leadId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/privacy/leads/{leadId}/export");
        request.Headers.Add("X-Operator-Key", OperatorKey);
        using var response = await host.Http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private string[] DatabaseFiles() => Directory.GetFiles(_dataFolder, "*.db", SearchOption.AllDirectories);

    private string[] OutboxFiles()
    {
        var outbox = Path.Combine(_dataFolder, "outbox");
        return Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>"file: value" for every file whose raw bytes hold one of the values (UTF-8, as LiteDB and the channels write).</summary>
    private static List<string> FilesHolding(IEnumerable<string> files, IEnumerable<string> values)
    {
        var found = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var value in values)
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0) found.Add($"{Path.GetFileName(file)}: {value}");
        }
        return found;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        return ValueTask.CompletedTask;
    }
}
