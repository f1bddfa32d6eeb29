using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Email;

/// <summary>
/// The mail provider's webhooks over real HTTP: a reply attaches to the lead by its address and is answered from the inbox
/// through the gate; a hard bounce or a spam complaint suppresses the address (an opt-out of email, announced) and the lead
/// page says so; an unsigned call is a 401 and a malformed one a ProblemDetails naming the field.
/// </summary>
public sealed class Receiving_email_replies_and_bounces : IAsyncLifetime
{
    private const string Secret = "test-only-email-webhook-secret";
    private const string Password = "correct horse battery staple";
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await OutreachHost.StartAsync(_time, "--FollowUp:Acknowledgements=false", $"--FollowUp:EmailWebhookSecret={Secret}");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string path, object payload, string secret = Secret) =>
        await PostRawAsync(path, Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(payload)), secret);

    private async Task<HttpResponseMessage> PostRawAsync(string path, byte[] body, string secret = Secret)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(secret, now, body));
        request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await _host.Http.SendAsync(request);
        _time.Advance(TimeSpan.FromMinutes(1));
        return response;
    }

    [Fact]
    public async Task A_reply_is_attached_by_the_senders_address_and_listed_in_the_inbox_unread_first()
    {
        var lead = await _host.SubmittedAsync();
        using var response = await PostAsync("/api/v1/email/inbound",
            new { from = "María López <Maria.Lopez@Fastmail.com>", subject = "Re: Your inquiry", text = "Can I come on Saturday?", messageId = "em-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["leads"]!);

        var inbox = (await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))!;
        var item = Assert.Single(inbox)!;
        Assert.Equal(lead.LeadId, (Guid)item["leadId"]!);
        Assert.Equal("email", (string?)item["channel"]);
        Assert.Equal("Re: Your inquiry", (string?)item["subject"]);
        Assert.Equal("Can I come on Saturday?", (string?)item["text"]);
        Assert.False((bool)item["read"]!);

        using var again = await PostAsync("/api/v1/email/inbound", new { from = "maria.lopez@fastmail.com", text = "Can I come on Saturday?", messageId = "em-1" });
        Assert.True((bool)(await again.Content.ReadFromJsonAsync<JsonObject>())!["duplicate"]!);
        Assert.Single((await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))!);
    }

    [Fact]
    public async Task A_coordinator_answers_an_email_reply_by_email_from_the_inbox_through_the_gate()
    {
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        var lead = await _host.SubmittedAsync();
        using (var _ = await PostAsync("/api/v1/email/inbound", new { from = "maria.lopez@fastmail.com", subject = "Question", text = "Is it covered by insurance?" })) { }
        var key = (string)(await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))![0]!["key"]!;
        var page = await ana.Http.GetStringAsync("/dashboard/inbox");
        Assert.Contains("Is it covered by insurance?", page, StringComparison.Ordinal);
        Assert.Contains("Reply by email to", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Re: Question\"", page, StringComparison.Ordinal);

        using var blocked = await ana.PostFormAsync($"/dashboard/inbox/{lead.LeadId}/{key}/reply",
            new() { ["subject"] = "Re: Question", ["body"] = "Our therapy cures spondylolysis, 100% guaranteed." }, "/dashboard/inbox");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Empty(_host.OutboxFiles("email"));

        using var sent = await ana.PostFormAsync($"/dashboard/inbox/{lead.LeadId}/{key}/reply",
            new() { ["subject"] = "Re: Question", ["body"] = "Thank you for asking. A coordinator will check your plan with you when we call." }, "/dashboard/inbox");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var eml = Assert.Single(_host.OutboxFiles("email"));
        Assert.Contains("Subject: Re: Question", await File.ReadAllTextAsync(eml), StringComparison.Ordinal);
        Assert.True((bool)(await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))![0]!["read"]!);
    }

    [Theory]
    [InlineData("hard_bounce", "bounce", "mail to it bounced")]
    [InlineData("complaint", "complaint", "marked our email as spam")]
    public async Task A_hard_bounce_or_a_complaint_suppresses_the_address_announces_the_opt_out_and_the_lead_page_says_so(string kind, string source, string words)
    {
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var response = await PostAsync("/api/v1/email/events", new { @event = kind, email = "MARIA.LOPEZ@fastmail.com", eventId = "ev-" + kind, reason = "550 5.1.1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)(await response.Content.ReadFromJsonAsync<JsonObject>())!["suppressed"]!);

        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Contains("email", stored.OptOuts);
        var entry = Assert.Single(stored.Timeline, e => e.Kind.Name() == "opted_out");
        Assert.Equal(source, entry.Details["source"]);
        // A bounce is about the address: texts and calls stay allowed. A complaint is the person's act: the default policy widens it.
        Assert.Equal(kind == "complaint", stored.OptOuts.Contains("all"));
        var announced = Assert.Single(stored.Outbox.Where(e => e.MessageUrn == MessageTypes.UrnOf(typeof(LeadOptedOut))).Select(e => (LeadOptedOut)e.Deserialize(out _)));
        Assert.Equal((kind == "complaint" ? "all" : "email", source), (announced.Channel, announced.Source));

        var page = await ana.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}");
        Assert.Contains("id=\"email-suppressed\"", page, StringComparison.Ordinal);
        Assert.Contains(words, page, StringComparison.Ordinal);

        using var send = await _host.SendAsync(lead.LeadId, "email", "Hello again, we would like to help you book a consultation.", "Your inquiry");
        Assert.False(send.IsSuccessStatusCode);
        Assert.Empty(_host.OutboxFiles("email"));
    }

    [Fact]
    public async Task A_soft_bounce_suppresses_nothing()
    {
        var lead = await _host.SubmittedAsync();
        using var response = await PostAsync("/api/v1/email/events", new { @event = "soft_bounce", email = "maria.lopez@fastmail.com" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await _host.Leads.GetAsync(lead.LeadId))!.OptOuts);
    }

    [Theory]
    [InlineData("/api/v1/email/inbound")]
    [InlineData("/api/v1/email/events")]
    public async Task A_call_signed_with_another_secret_is_refused_with_401_and_changes_nothing(string path)
    {
        var lead = await _host.SubmittedAsync();
        using var response = await PostAsync(path, new { from = "maria.lopez@fastmail.com", text = "hi", @event = "hard_bounce", email = "maria.lopez@fastmail.com" },
            secret: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Empty(stored.OptOuts);
        Assert.DoesNotContain(stored.Timeline, e => e.Kind.Name() == "email_received");
    }

    [Theory]
    [InlineData("/api/v1/email/inbound", """{"from":"not an address","text":"hi"}""", "from")]
    [InlineData("/api/v1/email/inbound", """{"from":"maria.lopez@fastmail.com"}""", "text")]
    [InlineData("/api/v1/email/events", """{"event":"bounced","email":"maria.lopez@fastmail.com"}""", "event")]
    [InlineData("/api/v1/email/events", """{"event":"hard_bounce","email":"nobody"}""", "email")]
    [InlineData("/api/v1/email/events", """[1,2""", "body")]
    public async Task A_malformed_payload_is_a_problem_naming_the_field(string path, string json, string field)
    {
        using var response = await PostRawAsync(path, Encoding.UTF8.GetBytes(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }
}
