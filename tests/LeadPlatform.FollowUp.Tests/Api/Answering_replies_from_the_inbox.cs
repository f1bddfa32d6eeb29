using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>Inbound texts listed across leads in the inbox, unread first, marked read, and answered through the gate. A fixed clock inside calling hours.</summary>
public sealed class Answering_replies_from_the_inbox : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(_time, "--FollowUp:Acknowledgements=false");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task InboundAsync(string text)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { from = "+14155550134", text }));
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, body));
        request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await _host.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"webhook answered {(int)response.StatusCode}");
        _time.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_text_from_a_lead_is_in_the_inbox_unread_first_until_marked_read()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        await InboundAsync("Is the consultation free?");
        await InboundAsync("Also, can I bring my MRI?");

        var inbox = (await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))!;
        Assert.Equal(["Also, can I bring my MRI?", "Is the consultation free?"], inbox.Select(i => (string)i!["text"]!));
        Assert.All(inbox, i => Assert.False((bool)i!["read"]!));
        Assert.All(inbox, i => Assert.Equal(lead.LeadId, (Guid)i!["leadId"]!));

        using var read = await _host.Http.PostAsync($"/api/v1/inbox/{lead.LeadId}/{(string)inbox[0]!["key"]!}/read", null);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);

        inbox = (await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))!;
        Assert.Equal(["Is the consultation free?", "Also, can I bring my MRI?"], inbox.Select(i => (string)i!["text"]!));
        Assert.True((bool)inbox[1]!["read"]!);
        Assert.Single((await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox?unreadOnly=true"))!);
        using var unknown = await _host.Http.PostAsync($"/api/v1/inbox/{lead.LeadId}/sms_received-1/read", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_answers_from_the_inbox_page_through_the_gate_and_the_reply_is_read()
    {
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        await InboundAsync("Is the consultation free?");
        var key = (string)(await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))![0]!["key"]!;
        Assert.Contains("Is the consultation free?", await ana.Http.GetStringAsync("/dashboard/inbox"), StringComparison.Ordinal);

        using var blocked = await ana.PostFormAsync($"/dashboard/inbox/{lead.LeadId}/{key}/reply",
            new() { ["body"] = "Yes, and our therapy cures spondylolysis." }, "/dashboard/inbox");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Empty(_host.OutboxFiles("sms"));

        using var sent = await ana.PostFormAsync($"/dashboard/inbox/{lead.LeadId}/{key}/reply",
            new() { ["body"] = "Yes, the first consultation is free. A coordinator will call you to book it." }, "/dashboard/inbox");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(_host.OutboxFiles("sms"));
        var item = (await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/inbox"))![0]!;
        Assert.True((bool)item["read"]!);
        Assert.Equal("Ana", (string?)item["readBy"]);
    }
}
