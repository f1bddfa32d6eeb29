using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.IntegrationTests.SamePerson;

/// <summary>
/// A person who writes to the clinic again (the same email, name and date of birth, however typed): one lead, both
/// submissions side by side, and nothing on file replaced by the later one.
/// </summary>
public sealed class Returning_to_the_clinic : IAsyncLifetime
{
    private ClinicHost _clinic = null!;

    public async ValueTask InitializeAsync() => _clinic = await ClinicHost.StartAsync();

    public async ValueTask DisposeAsync() => await _clinic.DisposeAsync();

    [Fact]
    public async Task The_second_request_joins_the_lead_beside_the_first_and_changes_no_contact_detail_or_consent_on_file()
    {
        var first = await _clinic.SubmitAsync(People.Request("María José", "López", "mj.lopez@fastmail.com", People.Phone(11), "1990-04-12",
            "Pain for 8 months, PT helped a little."));
        var acknowledged = await _clinic.LeadWhenAsync(first, l => l["outreach"]!.AsArray().Any(o => (string?)o!["status"] == "sent"), "the acknowledgement");

        // The same person, typed differently, from another phone, with another message and consent to texts.
        var again = People.Request("  MARIA  jose ", "lopez", "MJ.Lopez@fastmail.com", People.Phone(12), "1990-04-12",
            "Now it is worse at night; can I come in next week?", sms: true);
        var second = await _clinic.SubmitAsync(again);

        Assert.Equal(first, second);
        var lead = await _clinic.LeadWhenAsync(first, l => l["timeline"]!.AsArray().Count(e => (string?)e!["kind"] == "qualified") == 2, "the second decision");
        var submissions = lead["submissions"]!.AsArray();
        Assert.Equal(2, submissions.Count);
        Assert.Equal(["Pain for 8 months, PT helped a little.", "Now it is worse at night; can I come in next week?"],
            submissions.Select(s => (string?)s!["inquiry"]!["message"]));
        Assert.Equal([false, true], submissions.Select(s => (bool)s!["repeat"]!));
        // On file: the first submission's contact details, not the later phone.
        Assert.Equal("mj.lopez@fastmail.com", (string?)lead["email"]);
        Assert.Equal("+14155550111", (string?)lead["phone"]);
        Assert.Equal("María José López", (string?)lead["name"]);
        // Consent: six statements (three channels, twice), the later ones beside the first, not on file.
        var history = lead["consentHistory"]!.AsArray();
        Assert.Equal(6, history.Count);
        Assert.Contains(history, c => (string?)c!["channel"] == "sms" && (bool)c["granted"]! && !(bool)c["onFile"]!);
        Assert.DoesNotContain(history, c => (string?)c!["channel"] == "sms" && (bool)c["granted"]! && (bool)c["onFile"]!);
        // No second task while the first is open; no second acknowledgement.
        Assert.Single(lead["tasks"]!.AsArray());
        Assert.Single(lead["outreach"]!.AsArray(), o => (string?)o!["kind"] == "acknowledgement");
        Assert.Equal(acknowledged["outreach"]!.AsArray().Count, lead["outreach"]!.AsArray().Count);

        // The coordinator's page shows both submissions, as history.
        var page = await _clinic.Api.GetStringAsync($"/dashboard/leads/{first}");
        Assert.Contains("Submissions (2)", page, StringComparison.Ordinal);
        Assert.Contains("repeat submission", page, StringComparison.Ordinal);
        Assert.Contains("Pain for 8 months, PT helped a little.", page, StringComparison.Ordinal);
        Assert.Contains("Now it is worse at night; can I come in next week?", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeat_after_the_task_was_done_gets_a_new_task_but_no_second_acknowledgement_within_a_day_and_email_still_goes_to_the_original_address()
    {
        var leadId = await _clinic.SubmitAsync(People.Request("Robert", "Stone", "robert.stone@fastmail.com", null, "1975-09-30", "Back pain since spring."));
        await _clinic.LeadWhenAsync(leadId, l => l["outreach"]!.AsArray().Any(o => (string?)o!["status"] == "sent"), "the acknowledgement");
        await _clinic.Host.App.Services.GetRequiredService<LeadActions>().SetStatusAsync(leadId, LeadPlatform.FollowUp.Storage.LeadStatus.Contacted, "Ana", TestContext.Current.CancellationToken);

        // Robert again, with a new address he now prefers (not his on file: nobody confirmed it is him writing).
        var again = People.Request("Robert", "Stone", "ROBERT.STONE@fastmail.com", null, "1975-09-30", "Still hurts. Is there an opening?");
        Assert.Equal(leadId, await _clinic.SubmitAsync(again));

        var lead = await _clinic.LeadWhenAsync(leadId, l => l["timeline"]!.AsArray().Any(e => (string?)e!["kind"] == "outreach_skipped"),
            "the second acknowledgement to be skipped");
        Assert.Equal(2, lead["tasks"]!.AsArray().Count);
        Assert.Single(lead["outreach"]!.AsArray(), o => (string?)o!["kind"] == "acknowledgement");
        Assert.Contains(lead["timeline"]!.AsArray(), e => ((string?)e!["summary"])!.Contains("acknowledged less than a day ago", StringComparison.Ordinal));
        Assert.Single(_clinic.Emails());

        // The coordinator's email goes to the address on file.
        using var sent = await _clinic.Api.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach", new
        {
            channel = "email", subject = "Your request", body = "Thank you for writing again. When would suit you for a call?",
        });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var emails = _clinic.Emails();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal("robert.stone@fastmail.com", e.To.Mailboxes.Single().Address));
    }

    [Fact]
    public async Task A_later_submission_never_reverses_an_opt_out_and_a_START_reply_opts_in_again_as_new_consent()
    {
        var phone = People.Phone(21);
        var leadId = await _clinic.SubmitAsync(People.Request("Vera", "Novak", "vera.novak@fastmail.com", phone, "1988-01-15", "Neck pain.", sms: true));
        var stop = await _clinic.TextFromAsync("+14155550121", "STOP");
        Assert.True((bool)stop["optOut"]!);
        await _clinic.LeadWhenAsync(leadId, l => Strings(l["optOuts"]).Contains("sms"), "the opt-out of texts");

        // She submits again, ticking the SMS box: the opt-out stays; the new consent is in the history only.
        Assert.Equal(leadId, await _clinic.SubmitAsync(People.Request("Vera", "Novak", "vera.novak@fastmail.com", phone, "1988-01-15", "Still neck pain.", sms: true)));
        var lead = await _clinic.LeadWhenAsync(leadId, l => l["submissions"]!.AsArray().Count == 2, "the repeat submission");
        Assert.Contains("sms", Strings(lead["optOuts"]));
        using (var blocked = await _clinic.Api.PostAsJsonAsync("/api/v1/compliance/check", new { leadId, channel = "sms", body = "Hello again" }))
        {
            var check = await blocked.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Contains(check!["violations"]!.AsArray(), v => (string?)v!["rule"] == "suppression.opted-out");
        }

        // Only the person, through the channel itself: START.
        var start = await _clinic.TextFromAsync("+14155550121", "Start");
        Assert.False((bool)start["optOut"]!);
        lead = await _clinic.LeadWhenAsync(leadId, l => !Strings(l["optOuts"]).Contains("sms"), "the opt-in");
        var consent = lead["consentHistory"]!.AsArray().Last()!;
        Assert.Equal(("sms", true, "sms_reply", true), ((string?)consent["channel"], (bool)consent["granted"]!, (string?)consent["source"], (bool)consent["onFile"]!));
        Assert.Contains(lead["timeline"]!.AsArray(), e => (string?)e!["kind"] == "opted_in" && (string?)e["actor"] == "lead");
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(x => (string)x!)];
}
