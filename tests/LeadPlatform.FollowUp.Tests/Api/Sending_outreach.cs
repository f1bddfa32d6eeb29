using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage.Outbox;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Api;

public sealed class Sending_outreach : IAsyncLifetime
{
    private const string HonestBody = "Thank you for your questions about stem-cell treatment. A coordinator can walk you through what is known and what is not, and the costs.";
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_claim_is_refused_with_422_recorded_as_blocked_evidence_and_nothing_reaches_the_outbox()
    {
        var lead = await _host.SubmittedAsync();

        using var response = await _host.SendAsync(lead.LeadId, "email", "Our therapy cures spondylolysis, guaranteed.", "Good news");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("blocked", (string?)problem["decision"]);
        Assert.Contains(problem["violations"]!.AsArray(), v => (string?)v!["rule"] == "claims.cure" && (string?)v["match"] == "cures");
        Assert.Contains(problem["violations"]!.AsArray(), v => (string?)v!["rule"] == "claims.guarantee");
        var evidence = await _host.EvidenceAsync(lead.LeadId);
        var record = Assert.Single(evidence["records"]!.AsArray())!;
        Assert.Equal("blocked", (string?)record["decision"]);
        Assert.Equal((string?)problem["evidenceId"], (string?)record["evidenceId"]);
        Assert.Null(record["outreachId"]);
        Assert.Empty(_host.OutboxFiles("email"));
        var view = await _host.LeadAsync(lead.LeadId);
        Assert.Empty(view["outreach"]!.AsArray());
        Assert.Contains(view["timeline"]!.AsArray(), e => (string?)e!["kind"] == "outreach_blocked");
    }

    [Fact]
    public async Task An_honest_email_is_written_with_the_full_disclaimer_the_unsubscribe_link_and_the_one_click_headers()
    {
        var lead = await _host.SubmittedAsync();

        using var response = await _host.SendAsync(lead.LeadId, "email", HonestBody, "Your questions");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("sent", (string?)sent["status"]);
        var file = Assert.Single(_host.OutboxFiles("email"));
        Assert.Equal($"{sent["outreachId"]}.eml", Path.GetFileName(file));
        var raw = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        var unsubscribe = Header(raw, "List-Unsubscribe");
        Assert.Matches(@"^<http://127\.0\.0\.1:\d+/unsubscribe/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", Header(raw, "List-Unsubscribe-Post"));
        var text = MimeMessage.Load(file).TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith(HonestBody, text, StringComparison.Ordinal);
        var disclaimer = Disclaimer().ReplaceLineEndings("\n");
        Assert.Contains(disclaimer.Split('\n')[0], raw, StringComparison.Ordinal); // readable in the file as it is
        Assert.Contains(disclaimer.Replace("{clinicPostalAddress}", OutreachHost.ClinicAddress).Replace("{unsubscribeUrl}", unsubscribe.Trim('<', '>')), text, StringComparison.Ordinal);
        Assert.Contains(OutreachHost.ClinicAddress, text, StringComparison.Ordinal);
        Assert.Contains(unsubscribe.Trim('<', '>'), text, StringComparison.Ordinal);
        Assert.Equal("maria.lopez@fastmail.com", MimeMessage.Load(file).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_sent_email_is_on_the_lead_s_timeline_with_its_disclaimer_versions_and_evidence_and_OutreachSent_is_published()
    {
        var lead = await _host.SubmittedAsync();

        using var response = await _host.SendAsync(lead.LeadId, "email", HonestBody, "Your questions");
        var sent = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var view = await _host.LeadAsync(lead.LeadId);
        var outreach = Assert.Single(view["outreach"]!.AsArray())!;
        Assert.Equal((string?)sent["outreachId"], (string?)outreach["outreachId"]);
        Assert.Equal("sent", (string?)outreach["status"]);
        Assert.Equal(["evidence.spondylolysis.email@2025-07.1"], outreach["disclaimerVersions"]!.AsArray().Select(v => (string?)v));
        var entry = view["timeline"]!.AsArray().Single(e => (string?)e!["kind"] == "outreach_sent")!;
        Assert.Equal((string?)sent["evidenceId"], (string?)entry["details"]!["evidenceId"]);
        Assert.Equal((string?)sent["outreachId"], (string?)entry["details"]!["outreachId"]);
        Assert.Equal("evidence.spondylolysis.email@2025-07.1", (string?)entry["details"]!["disclaimers"]);
        Assert.Equal("contacted", (string?)view["status"]);

        var evidence = await _host.EvidenceAsync(lead.LeadId);
        var record = Assert.Single(evidence["records"]!.AsArray())!;
        Assert.Equal("cleared", (string?)record["decision"]);
        Assert.Equal((string?)sent["evidenceId"], (string?)record["evidenceId"]);
        Assert.Equal((string?)sent["outreachId"], (string?)record["outreachId"]);
        Assert.Equal((string?)outreach["messageHash"], (string?)record["messageHash"]);
        Assert.Equal(Sha256((string)outreach["message"]!), (string?)record["messageHash"]); // the stored text is the one that was cleared
        Assert.True((bool)evidence["verification"]!["isIntact"]!);

        var urn = MessageTypes.UrnOf(typeof(OutreachSent));
        var published = await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId),
            l => l!.Outbox.Exists(e => e.MessageUrn == urn && e.SentAt is not null), what: "OutreachSent published from the outbox");
        var message = (OutreachSent)published!.Outbox.Single(e => e.MessageUrn == urn).Deserialize(out _);
        Assert.Equal(Guid.Parse((string)sent["outreachId"]!), message.OutreachId);
        Assert.Equal(Guid.Parse((string)sent["evidenceId"]!), message.EvidenceId);
        Assert.Equal("email", message.Channel);
        Assert.Equal(["evidence.spondylolysis.email@2025-07.1"], message.DisclaimerVersions);
    }

    [Fact]
    public async Task The_evidence_export_verifies_intact_and_a_record_altered_in_the_store_breaks_it_at_that_index()
    {
        var lead = await _host.SubmittedAsync();
        (await _host.SendAsync(lead.LeadId, "email", "Our therapy cures spondylolysis.", "Good news")).Dispose();
        (await _host.SendAsync(lead.LeadId, "email", HonestBody, "Your questions")).Dispose();
        (await _host.SendAsync(lead.LeadId, "sms", "Hello from the clinic")).Dispose();
        var before = await _host.EvidenceAsync(lead.LeadId);
        Assert.Equal(["blocked", "cleared", "blocked"], before["records"]!.AsArray().Select(r => (string?)r!["decision"]));
        Assert.Equal([0L, 1L, 2L], before["records"]!.AsArray().Select(r => (long)r!["sequence"]!));
        Assert.True((bool)before["verification"]!["isIntact"]!);

        // Someone with write access to the database turns the first blocked decision into a cleared one.
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        stored.Evidence[0] = stored.Evidence[0] with { Decision = "cleared" };
        await _host.Leads.ReplaceAsync(stored);

        var after = await _host.EvidenceAsync(lead.LeadId);
        Assert.False((bool)after["verification"]!["isIntact"]!);
        Assert.Equal(0, (int)after["verification"]!["firstBrokenIndex"]!);
        Assert.Equal("content does not match its hash", (string?)after["verification"]!["problem"]);
    }

    [Fact]
    public async Task A_text_to_a_lead_who_did_not_agree_to_texts_is_blocked_for_missing_consent()
    {
        var lead = await _host.SubmittedAsync(); // consent to email only

        using var response = await _host.SendAsync(lead.LeadId, "sms", "We received your request.");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["violations"]!.AsArray(), v => (string?)v!["rule"] == ComplianceRules.ConsentMissing);
        Assert.Empty(_host.OutboxFiles("sms"));
        Assert.Equal("blocked", (string?)(await _host.EvidenceAsync(lead.LeadId))["records"]![0]!["decision"]);
    }

    [Fact]
    public async Task Outreach_to_an_unknown_lead_is_404_and_a_bad_channel_is_400_naming_it()
    {
        using var unknown = await _host.SendAsync(Guid.CreateVersion7(), "email", HonestBody, "Hello");
        using var fax = await _host.SendAsync(Guid.CreateVersion7(), "fax", HonestBody);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fax.StatusCode);
        Assert.True((await fax.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("channel"));
    }

    /// <summary>The email disclaimer in force, with its placeholders left in.</summary>
    private static string Disclaimer() => ComplianceGate.CreateDefault(TimeProvider.System)
        .Preview("spondylolysis", OutreachChannel.Email, "s", "b", "en", "{clinicPostalAddress}", "{unsubscribeUrl}")
        .Disclaimers.Single().Text;

    /// <summary>A header as written in the file, unfolded (RFC 5322 lets a long value continue on the next line).</summary>
    private static string Header(string raw, string name)
    {
        var headers = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)].Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal);
        var line = headers.Split('\n').Single(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return line[(name.Length + 1)..].Trim();
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
