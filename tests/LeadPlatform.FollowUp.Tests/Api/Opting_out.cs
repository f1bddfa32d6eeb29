using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage.Outbox;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>Opt-outs by link, by text and by coordinator, and what they do to later outreach. Texts need calling hours: a fixed clock.</summary>
public sealed class Opting_out : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(_time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task After_the_one_click_unsubscribe_a_later_email_is_blocked_by_the_suppression_rule()
    {
        var lead = await _host.SubmittedAsync();
        using (var first = await _host.SendAsync(lead.LeadId, "email", "We received your request and will call you.", "Your request"))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }
        var email = MimeMessage.Load(Assert.Single(_host.OutboxFiles("email")));
        var link = email.Headers["List-Unsubscribe"]!.Trim('<', '>');

        using var page = await _host.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // RFC 8058: what a mail client sends when the reader presses "unsubscribe"; twice, as clients retry.
        foreach (var _ in new[] { 1, 2 })
        {
            using var click = await _host.Http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
            Assert.Contains("You are unsubscribed", await click.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var later = await _host.SendAsync(lead.LeadId, "email", "A follow-up about your request.", "Following up");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, later.StatusCode);
        var problem = (await later.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["violations"]!.AsArray(), v => (string?)v!["rule"] == ComplianceRules.OptedOut);
        Assert.Single(_host.OutboxFiles("email"));
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        // Policy "one opt-out revokes every channel" (on by default): the channel asked for is kept, all contact stops.
        Assert.Equal(["email", "all"], stored.OptOuts);
        var optedOut = stored.Outbox.Where(e => e.MessageUrn == MessageTypes.UrnOf(typeof(LeadOptedOut))).Select(e => (LeadOptedOut)e.Deserialize(out _)).ToList();
        var announced = Assert.Single(optedOut);
        Assert.Equal(("all", "unsubscribe_link"), (announced.Channel, announced.Source));
    }

    [Fact]
    public async Task The_unsubscribe_link_in_an_email_carries_nothing_readable_about_the_lead()
    {
        var lead = await _host.SubmittedAsync();
        using (var sent = await _host.SendAsync(lead.LeadId, "email", "We received your request and will call you.", "Your request"))
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var email = MimeMessage.Load(Assert.Single(_host.OutboxFiles("email")));
        var link = email.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var token = link[(link.LastIndexOf('/') + 1)..];

        // Today's links were plain base64 of the lead id: every way of writing the id, and its bytes, must be absent.
        var id = lead.LeadId.ToByteArray();
        foreach (var readable in new[] { lead.LeadId.ToString("N"), lead.LeadId.ToString("D"), Convert.ToBase64String(id).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..12] })
            Assert.DoesNotContain(readable, token, StringComparison.OrdinalIgnoreCase);
        foreach (var start in new[] { 0, 1, 2, 3 })
        {
            if (token.Length <= start + 8) continue;
            var part = token[start..].Split('.')[^1];
            var padded = part.Replace('-', '+').Replace('_', '/');
            padded = padded[..(padded.Length - padded.Length % 4)];
            var bytes = Convert.FromBase64String(padded);
            Assert.True(bytes.AsSpan().IndexOf(id.AsSpan(0, 8)) < 0, "the lead id's bytes are not in the link");
        }

        using var click = await _host.Http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Equal(["email", "all"], (await _host.Leads.GetAsync(lead.LeadId))!.OptOuts); // one opt-out revokes every channel (the default policy)
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(253402300800L)]
    [InlineData(-1L)]
    public async Task A_genuinely_signed_link_with_an_expiry_no_clock_reaches_gets_the_400_page_not_an_error(long expiry)
    {
        // A version 1 link signed with the host's own key (what an attacker who learnt the key could make).
        var key = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<FollowUpOptions>>(_host.Host.App.Services).Value.UnsubscribeKey;
        var payload = new byte[25];
        payload[0] = 1;
        Guid.CreateVersion7().TryWriteBytes(payload.AsSpan(1, 16));
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(17, 8), expiry);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(key),
            (byte[])[.. "leadplatform.unsubscribe.email.v1|"u8.ToArray(), .. payload]);
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = B64(payload) + "." + B64(mac);

        using var get = await _host.Http.GetAsync($"/unsubscribe/{token}");
        using var post = await _host.Http.PostAsync($"/unsubscribe/{token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("This unsubscribe link does not work", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_invalid_unsubscribe_link_gets_a_clear_400_page_and_changes_nothing(string token)
    {
        using var get = await _host.Http.GetAsync($"/unsubscribe/{token}");
        using var post = await _host.Http.PostAsync($"/unsubscribe/{token}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("text/html", post.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This unsubscribe link does not work", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOP_by_text_through_the_signed_webhook_blocks_later_texts()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        using (var before = await _host.SendAsync(lead.LeadId, "sms", "We received your request. A coordinator will call you."))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        using var reply = await InboundAsync(new { from = "+1 415 555 0134", text = "STOP" }, sign: true);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var result = (await reply.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)result["optOut"]!);
        Assert.Equal(1, (int)result["optedOut"]!);

        using var later = await _host.SendAsync(lead.LeadId, "sms", "A follow-up about your request.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, later.StatusCode);
        var problem = (await later.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([ComplianceRules.OptedOut], problem["violations"]!.AsArray().Select(v => (string?)v!["rule"]));
        // The text before the STOP and the one-time opt-out confirmation (issue 16); the blocked follow-up is not among them.
        Assert.Equal(2, _host.OutboxFiles("sms").Length);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Single(stored.Outreach, o => o.Kind == LeadPlatform.FollowUp.Storage.OutreachKinds.OptOutConfirmation);
        Assert.Equal(["sms", "all"], stored.OptOuts);
        var announced = stored.Outbox.Where(e => e.MessageUrn == MessageTypes.UrnOf(typeof(LeadOptedOut))).Select(e => (LeadOptedOut)e.Deserialize(out _));
        Assert.Equal(("all", "sms_reply"), Assert.Single(announced) is var m ? (m.Channel, m.Source) : default);
    }

    [Fact]
    public async Task A_webhook_call_with_a_bad_or_missing_signature_is_refused_with_401_and_changes_nothing()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        var body = Encoding.UTF8.GetBytes("""{ "from": "+14155550134", "text": "STOP" }""");

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        using var forged = await PostInboundAsync(body, SmsWebhookEndpoints.Sign("not-the-secret", now, body), now);
        using var unsigned = await PostInboundAsync(body, null, now);
        using var garbage = await PostInboundAsync(body, "zz-not-hex", now);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Empty((await _host.Leads.GetAsync(lead.LeadId))!.OptOuts);
    }

    [Fact]
    public async Task A_reply_that_is_not_an_opt_out_is_left_on_the_timeline_for_a_coordinator()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var reply = await InboundAsync(new { from = "+14155550134", text = "Can we cancel my appointment on Friday?" }, sign: true);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Empty(stored.OptOuts);
        Assert.Equal("Can we cancel my appointment on Friday?", stored.Timeline.Single(e => e.Kind.Name() == "sms_received").Details["text"]);
    }

    [Fact]
    public async Task A_coordinator_s_opt_out_of_all_contact_blocks_every_channel()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var optOut = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/opt-outs", new { channel = "all", coordinator = "coordinator.ana" });
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);

        foreach (var channel in new[] { "email", "sms", "phone" })
        {
            using var response = await _host.SendAsync(lead.LeadId, channel, "A follow-up about your request.", "Following up");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains((await response.Content.ReadFromJsonAsync<JsonObject>())!["violations"]!.AsArray(), v => (string?)v!["rule"] == ComplianceRules.OptedOut);
        }
        Assert.Empty(_host.OutboxFiles("email"));
        Assert.Empty(_host.OutboxFiles("sms"));
    }

    [Fact]
    public async Task A_replayed_webhook_call_is_handled_once()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        var body = Encoding.UTF8.GetBytes("""{ "from": "+14155550134", "text": "Is Friday still fine?" }""");
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var signature = SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, body);

        var answers = new List<JsonObject>();
        foreach (var _ in new[] { 1, 2, 3 })
        {
            using var response = await PostInboundAsync(body, signature, now);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }

        Assert.Equal([false, true, true], answers.Select(a => (bool)a["duplicate"]!));
        Assert.Single((await _host.Leads.GetAsync(lead.LeadId))!.Timeline, e => e.Kind.Name() == "sms_received");

        // The same provider message id, signed again a second later, is the same message too.
        var withId = Encoding.UTF8.GetBytes("""{ "from": "+14155550134", "text": "Also Monday?", "messageId": "SM123" }""");
        using var once = await PostInboundAsync(withId, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, withId), now);
        using var twice = await PostInboundAsync(withId, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now + 1, withId), now + 1);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(2, (await _host.Leads.GetAsync(lead.LeadId))!.Timeline.Count(e => e.Kind.Name() == "sms_received"));
    }

    [Fact]
    public async Task A_webhook_call_signed_more_than_five_minutes_ago_or_without_a_timestamp_is_refused()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        var body = Encoding.UTF8.GetBytes("""{ "from": "+14155550134", "text": "STOP" }""");
        var old = _time.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds();
        var future = _time.GetUtcNow().AddMinutes(6).ToUnixTimeSeconds();
        var now = _time.GetUtcNow().ToUnixTimeSeconds();

        using var stale = await PostInboundAsync(body, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, old, body), old);
        using var early = await PostInboundAsync(body, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, future, body), future);
        using var untimed = await PostInboundAsync(body, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, old, body), timestamp: null);
        using var otherTime = await PostInboundAsync(body, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, old, body), now);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            new[] { stale.StatusCode, early.StatusCode, untimed.StatusCode, otherTime.StatusCode });
        Assert.Empty((await _host.Leads.GetAsync(lead.LeadId))!.OptOuts);
    }

    [Fact]
    public async Task An_API_token_that_names_a_coordinator_is_recorded_as_itself_beside_that_name()
    {
        var lead = await _host.SubmittedAsync();

        using var optOut = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/opt-outs", new { channel = "email", coordinator = "Dr. Alice (Compliance Officer)" });
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);

        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        var entry = Assert.Single(stored.Timeline, e => e.Kind.Name() == "opted_out");
        Assert.Equal("api:tests as 'Dr. Alice (Compliance Officer)'", entry.Actor);
    }

    private Task<HttpResponseMessage> InboundAsync(object message, bool sign)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(message));
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return PostInboundAsync(body, sign ? SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, body) : null, now);
    }

    private Task<HttpResponseMessage> PostInboundAsync(byte[] body, string? signature, long? timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null) request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, signature);
        if (timestamp is not null) request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, timestamp.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return _host.Http.SendAsync(request);
    }
}
