using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage.Outbox;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Channels;

/// <summary>With <c>FollowUp:Smtp:Host</c> set, email goes to a real SMTP server (here one on a free local port).</summary>
public sealed class Sending_email_over_SMTP : IAsyncLifetime
{
    private const string HonestBody = "Thank you for your questions about stem-cell treatment. A coordinator can walk you through what is known and what is not, and the costs.";
    private LocalSmtpServer _smtp = null!;
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = LocalSmtpServer.Start();
        _host = await OutreachHost.StartAsync(null,
            "--FollowUp:Smtp:Host=127.0.0.1",
            $"--FollowUp:Smtp:Port={_smtp.Port}",
            "--FollowUp:Smtp:Security=None",
            "--FollowUp:Smtp:FromAddress=Patient coordinators <coordinators@spine-clinic.example>",
            "--FollowUp:ChannelAttempts=3");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_delivered_email_has_the_full_disclaimer_the_unsubscribe_link_and_the_one_click_headers()
    {
        var lead = await _host.SubmittedAsync();

        using var response = await _host.SendAsync(lead.LeadId, "email", HonestBody, "Your questions");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("sent", (string?)sent["status"]);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["maria.lopez@fastmail.com"], mail.RcptTo);
        Assert.Equal("coordinators@spine-clinic.example", mail.MailFrom);
        var message = Parse(mail);
        Assert.Equal($"{sent["outreachId"]}@spine-clinic.example", message.MessageId);
        Assert.Equal("Your questions", message.Subject);
        var unsubscribe = message.Headers["List-Unsubscribe"]!;
        Assert.Matches(@"^<http://127\.0\.0\.1:\d+/unsubscribe/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var text = message.TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith(HonestBody, text, StringComparison.Ordinal);
        Assert.Contains("not approved by the U.S. Food and Drug Administration (FDA) for spondylolysis", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains(OutreachHost.ClinicAddress, text, StringComparison.Ordinal);
        Assert.Contains(unsubscribe.Trim('<', '>'), text, StringComparison.Ordinal);
        var view = await _host.LeadAsync(lead.LeadId);
        var outreach = Assert.Single(view["outreach"]!.AsArray())!;
        Assert.Equal(((string)outreach["message"]!).ReplaceLineEndings("\n"), text.TrimEnd('\n')); // what arrived is what was cleared (MIME ends the body with a line break)
        Assert.Empty(_host.OutboxFiles("email")); // no file when a mail server is configured

        // The unsubscribe link in the delivered message works and blocks further email.
        using var unsubscribed = await _host.Http.PostAsync(new Uri(unsubscribe.Trim('<', '>')).PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.True(unsubscribed.IsSuccessStatusCode);
        using var later = await _host.SendAsync(lead.LeadId, "email", HonestBody, "One more thing");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, later.StatusCode);
        Assert.Single(_smtp.Messages);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_or_says_try_again_is_tried_again_and_the_lead_gets_one_email()
    {
        var lead = await _host.SubmittedAsync();
        _smtp.Then(SmtpFault.Down).Then(SmtpFault.TryAgainAfterData);

        using var response = await _host.SendAsync(lead.LeadId, "email", HonestBody, "Your questions");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, _smtp.Sessions);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal($"{sent["outreachId"]}@spine-clinic.example", Parse(mail).MessageId);
        var view = await _host.LeadAsync(lead.LeadId);
        Assert.Equal("sent", (string?)Assert.Single(view["outreach"]!.AsArray())!["status"]);
        Assert.Single(view["timeline"]!.AsArray(), e => (string?)e!["kind"] == "outreach_sent");
        var published = await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId),
            l => l!.Outbox.Exists(e => e.MessageUrn == MessageTypes.UrnOf(typeof(OutreachSent)) && e.SentAt is not null), what: "OutreachSent published");
        Assert.Single(published!.Outbox, e => e.MessageUrn == MessageTypes.UrnOf(typeof(OutreachSent)));
    }

    [Fact]
    public async Task A_mail_server_down_through_every_attempt_leaves_the_outreach_failed_and_no_OutreachSent()
    {
        var lead = await _host.SubmittedAsync();
        _smtp.Then(SmtpFault.Down).Then(SmtpFault.Down).Then(SmtpFault.Down);

        using var response = await _host.SendAsync(lead.LeadId, "email", HonestBody, "Your questions");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(_smtp.Messages);
        var view = await _host.LeadAsync(lead.LeadId);
        Assert.Equal("failed", (string?)Assert.Single(view["outreach"]!.AsArray())!["status"]);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string?)e!["kind"] == "outreach_failed");
        Assert.DoesNotContain(view["timeline"]!.AsArray(), e => (string?)e!["kind"] == "outreach_sent");
        var stored = await _host.Leads.GetAsync(lead.LeadId);
        Assert.DoesNotContain(stored!.Outbox, e => e.MessageUrn == MessageTypes.UrnOf(typeof(OutreachSent)));
    }

    [Fact]
    public async Task A_connection_lost_after_the_message_was_handed_over_is_not_sent_a_second_time()
    {
        var lead = await _host.SubmittedAsync();
        _smtp.Then(SmtpFault.LoseConnectionAfterData);

        using var response = await _host.SendAsync(lead.LeadId, "email", HonestBody, "Your questions");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(_smtp.Messages); // the server kept it: the lead has it once
        Assert.Equal(1, _smtp.Sessions);
        var view = await _host.LeadAsync(lead.LeadId);
        var outreach = Assert.Single(view["outreach"]!.AsArray())!;
        Assert.Equal("failed", (string?)outreach["status"]);
        Assert.Contains("unconfirmed", (string?)outreach["failure"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_RetryUnconfirmed_the_uncertain_case_is_sent_again_as_the_same_message()
    {
        await using var retrying = await OutreachHost.StartAsync(null,
            "--FollowUp:Smtp:Host=127.0.0.1", $"--FollowUp:Smtp:Port={_smtp.Port}", "--FollowUp:Smtp:Security=None", "--FollowUp:Smtp:RetryUnconfirmed=true");
        var lead = await retrying.SubmittedAsync();
        _smtp.Then(SmtpFault.LoseConnectionAfterData);

        using var response = await retrying.SendAsync(lead.LeadId, "email", HonestBody, "Your questions");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The price of preferring delivery: two copies reached the server, with one Message-Id for mailboxes to fold.
        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Single(_smtp.Messages.Select(m => Parse(m).MessageId).Distinct());
    }

    private static MimeMessage Parse(ReceivedMail mail) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
}
