using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Channels;

/// <summary>With <c>FollowUp:Sms:Provider=http</c>, texts go to the provider's HTTP API (here a stand-in on Kestrel).</summary>
public sealed class Sending_texts_through_a_provider : IAsyncLifetime
{
    private const string Body = "We received your request. A coordinator will call you.";
    private LocalSmsProvider _provider = null!;
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await LocalSmsProvider.StartAsync();
        _host = await StartHostAsync();
    }

    private Task<OutreachHost> StartHostAsync(params string[] settings) => OutreachHost.StartAsync(OutreachHost.DuringCallingHours(),
    [
        "--FollowUp:Sms:Provider=http",
        $"--FollowUp:Sms:BaseUrl={_provider.BaseUrl}",
        $"--FollowUp:Sms:ApiKey={LocalSmsProvider.ApiKey}",
        "--FollowUp:Sms:From=+14155550100",
        "--FollowUp:ChannelAttempts=3",
        .. settings,
    ]);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task The_provider_gets_the_text_as_cleared_with_STOP_wording_the_disclaimer_link_and_the_outreach_as_idempotency_key()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var response = await _host.SendAsync(lead.LeadId, "sms", Body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("sent", (string?)sent["status"]);
        var text = Assert.Single(_provider.Texts);
        Assert.Equal("+14155550134", text.To);
        Assert.Equal("+14155550100", text.From);
        Assert.Equal((string?)sent["outreachId"], text.IdempotencyKey);
        Assert.StartsWith(Body, text.Body, StringComparison.Ordinal);
        Assert.Contains("Reply STOP to opt out", text.Body, StringComparison.Ordinal);
        // The link leads to the condition's disclaimer, and names neither the condition nor the lead (issue 14).
        var link = System.Text.RegularExpressions.Regex.Match(text.Body, @"https?://\S+/disclaimers/\S+").Value.TrimEnd('.', ')');
        Assert.Contains("/disclaimers/d1.", link, StringComparison.Ordinal);
        Assert.DoesNotContain("spondylolysis", link, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(lead.LeadId.ToString("N"), link, StringComparison.OrdinalIgnoreCase);
        using (var page = await _host.Http.GetAsync(new Uri(link).PathAndQuery, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("spondylolysis", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal((string?)sent["message"], text.Body);
        Assert.Equal($"Bearer {LocalSmsProvider.ApiKey}", Assert.Single(_provider.Requests).Authorization);
        var stored = await _host.Leads.GetAsync(lead.LeadId);
        Assert.Equal(text.Id, Assert.Single(stored!.Outreach).ProviderMessageId);
        Assert.Empty(_host.OutboxFiles("sms")); // no file when a provider is configured
    }

    [Fact]
    public async Task A_provider_that_is_unavailable_is_tried_again_and_the_lead_gets_one_text()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        _provider.Then(SmsFault.Unavailable).Then(SmsFault.Unavailable);

        using var response = await _host.SendAsync(lead.LeadId, "sms", Body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, _provider.Requests.Count);
        Assert.Single(_provider.Requests.Select(r => r.IdempotencyKey).Distinct());
        Assert.Single(_provider.Texts);
        var published = await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId),
            l => l!.Outbox.Exists(e => e.MessageUrn == MessageTypes.UrnOf(typeof(OutreachSent)) && e.SentAt is not null), what: "OutreachSent published");
        Assert.Single(published!.Outbox, e => e.MessageUrn == MessageTypes.UrnOf(typeof(OutreachSent)));
    }

    [Fact]
    public async Task An_answer_that_never_comes_in_time_is_retried_with_the_same_key_and_the_provider_sends_one_text()
    {
        await using var impatient = await StartHostAsync("--FollowUp:Sms:Timeout=00:00:02");
        _provider.LateBy = TimeSpan.FromSeconds(30);
        var lead = await impatient.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        _provider.Then(SmsFault.AnswerTooLate);

        using var response = await impatient.SendAsync(lead.LeadId, "sms", Body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(_provider.Requests.Count >= 2);
        Assert.Single(_provider.Requests.Select(r => r.IdempotencyKey).Distinct());
        var text = Assert.Single(_provider.Texts);
        var outreach = Assert.Single((await impatient.Leads.GetAsync(lead.LeadId))!.Outreach);
        Assert.Equal("sent", LeadPlatform.FollowUp.Storage.OutreachStatuses.Name(outreach.Status));
        Assert.Equal(text.Id, outreach.ProviderMessageId);
    }

    [Fact]
    public async Task A_provider_that_refuses_the_text_is_not_asked_again_and_the_outreach_is_failed()
    {
        await using var strict = await StartHostAsync("--FollowUp:Sms:ApiKey=wrong-key"); // the later setting wins
        var lead = await strict.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var response = await strict.SendAsync(lead.LeadId, "sms", Body);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(_provider.Requests);
        Assert.Empty(_provider.Texts);
        var view = await strict.LeadAsync(lead.LeadId);
        Assert.Equal("failed", (string?)Assert.Single(view["outreach"]!.AsArray())!["status"]);
    }

    [Fact]
    public async Task STOP_through_the_signed_webhook_still_opts_the_lead_out_and_the_provider_gets_only_the_one_confirmation()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        using (var first = await _host.SendAsync(lead.LeadId, "sms", Body))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var body = Encoding.UTF8.GetBytes("""{"from":"+1 415 555 0134","text":"Stop"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        var now = _host.Host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, body));
        request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var reply = await _host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        using var later = await _host.SendAsync(lead.LeadId, "sms", "A follow-up about your request.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, later.StatusCode);
        var problem = (await later.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([ComplianceRules.OptedOut], problem["violations"]!.AsArray().Select(v => (string?)v!["rule"]));
        // The first text, then the one confirmation the TCPA allows after an opt-out (issue 16), and nothing more.
        var texts = await Eventually.GetAsync(() => Task.FromResult(_provider.Texts), t => t.Count >= 2, what: "the opt-out confirmation");
        Assert.Equal(2, texts.Count);
        Assert.Contains("unsubscribed", texts[1].Body, StringComparison.OrdinalIgnoreCase);
    }
}
