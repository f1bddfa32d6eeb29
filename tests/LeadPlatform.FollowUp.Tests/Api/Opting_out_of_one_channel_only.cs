using System.Net;
using System.Net.Http.Json;
using System.Text;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.Storage.Outbox;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>With the policy "one opt-out revokes every channel" switched off, a STOP reply covers texts only.</summary>
public sealed class Opting_out_of_one_channel_only : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(_time, "--FollowUp:OptOutRevokesAllChannels=false");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_stop_reply_blocks_texts_and_leaves_email_open_when_the_policy_is_off()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        var body = Encoding.UTF8.GetBytes("""{ "from": "+14155550134", "text": "BAJA" }""");
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, body));
        request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var reply = await _host.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Equal(["sms"], stored.OptOuts);
        var announced = stored.Outbox.Where(e => e.MessageUrn == MessageTypes.UrnOf(typeof(LeadOptedOut))).Select(e => (LeadOptedOut)e.Deserialize(out _));
        Assert.Equal("sms", Assert.Single(announced).Channel);
        using var text = await _host.SendAsync(lead.LeadId, "sms", "A follow-up about your request.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        using var email = await _host.SendAsync(lead.LeadId, "email", "A follow-up about your request.", "Following up");
        Assert.Equal(HttpStatusCode.Accepted, email.StatusCode);
    }
}
