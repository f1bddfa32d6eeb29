using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.FollowUp.Webhooks;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Webhooks;

/// <summary>
/// An admin subscribes a clinic system (a real Kestrel receiver on this machine, allowed by the test-only setting) to
/// events; an opt-out reaches it signed with HMAC over timestamp and body, after two failed answers, and the delivery
/// log shows the three attempts; health details travel only when turned on; targets that are not public are refused.
/// </summary>
public sealed class Sending_webhooks : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private DashboardSession _admin = null!;
    private DashboardSession _ana = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(null, AdminEmail, Password,
            "--FollowUp:Webhooks:AllowLocalTargetsForTests=true", "--FollowUp:Webhooks:PollInterval=00:00:00.100", "--FollowUp:Webhooks:FirstRetryDelay=00:00:00.200");
        _admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
        _ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(Uri url, bool health, params string[] events)
    {
        using var response = await _admin.Http.PostAsJsonAsync("/api/v1/webhooks", new { url = url.ToString(), events, includeHealthDetails = health }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return ((Guid)created["subscription"]!["id"]!, (string)created["secret"]!);
    }

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_signed_opt_out_once_it_answers_and_the_log_shows_three_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failures: 2);
        var (id, secret) = await SubscribeAsync(receiver.Url, health: false, WebhookEvents.LeadOptedOut);
        var lead = await _host.SubmittedAsync();

        using (var optOut = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/opt-outs", new { channel = "email", coordinator = "Ana" }, Ct))
            Assert.True(optOut.IsSuccessStatusCode, await optOut.Content.ReadAsStringAsync(Ct));

        await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Count(r => r.Answer == 200)), n => n >= 1, TimeSpan.FromSeconds(30), "the delivered webhook");
        var calls = receiver.Received.ToList();
        Assert.Equal([500, 500, 200], calls.Select(c => c.Answer));
        Assert.Single(calls.Select(c => c.Headers[WebhookSignature.DeliveryHeader]).Distinct()); // one delivery, three attempts
        var (_, body, headers) = calls[^1];
        Assert.True(WebhookSignature.Verify(secret, headers[WebhookSignature.TimestampHeader], body, headers[WebhookSignature.SignatureHeader]), "the signature verifies");
        Assert.False(WebhookSignature.Verify("whsec_another", headers[WebhookSignature.TimestampHeader], body, headers[WebhookSignature.SignatureHeader]));
        Assert.Equal(WebhookEvents.LeadOptedOut, headers[WebhookSignature.EventHeader]);
        var payload = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(WebhookEvents.LeadOptedOut, (string?)payload["event"]);
        Assert.Equal(lead.LeadId, (Guid)payload["leadId"]!);
        Assert.Equal("opted_out", (string?)payload["data"]!["status"]);
        Assert.Equal("all", (string?)payload["data"]!["channel"]); // one opt-out revokes every channel (the clinic's policy)
        Assert.False(payload.ContainsKey("health"));
        Assert.DoesNotContain("maria", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("spondylolysis", body, StringComparison.OrdinalIgnoreCase);

        var list = await Eventually.GetAsync(() => _admin.Http.GetFromJsonAsync<JsonArray>("/api/v1/webhooks", Ct),
            l => (string?)l!.Single(s => (Guid)s!["id"]! == id)!["lastDeliveries"]![0]?["status"] == WebhookDelivery.Delivered, what: "the delivery log");
        var delivery = list!.Single(s => (Guid)s!["id"]! == id)!["lastDeliveries"]![0]!;
        Assert.Equal(3, (int)delivery["attempts"]!);
        Assert.Equal(200, (int)delivery["lastStatusCode"]!);
        Assert.DoesNotContain(secret, list!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_details_travel_only_to_a_subscription_that_turned_them_on_and_a_deleted_one_gets_nothing()
    {
        await using var plain = await WebhookReceiver.StartAsync();
        await using var health = await WebhookReceiver.StartAsync();
        await using var deleted = await WebhookReceiver.StartAsync();
        await SubscribeAsync(plain.Url, health: false, WebhookEvents.LeadQualified);
        await SubscribeAsync(health.Url, health: true, WebhookEvents.LeadQualified);
        var (gone, _) = await SubscribeAsync(deleted.Url, health: false, WebhookEvents.LeadQualified);
        using (var delete = await _admin.Http.DeleteAsync($"/api/v1/webhooks/{gone}", Ct)) Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        var lead = await _host.SubmittedAsync();
        await _host.Host.App.Services.GetRequiredService<MassTransit.Mediator.IMediator>().Publish(SampleMessages.LeadQualified(lead.LeadId, lead.QuoteRequestId), Ct);

        await Eventually.GetAsync(() => Task.FromResult(plain.Received.Count + health.Received.Count), n => n >= 2, TimeSpan.FromSeconds(30), "both webhooks");
        var withHealth = JsonNode.Parse(Assert.Single(health.Received).Body)!;
        var without = JsonNode.Parse(Assert.Single(plain.Received).Body)!.AsObject();
        Assert.Equal("spondylolysis", (string?)withHealth["health"]!["condition"]);
        Assert.Equal("qualified", (string?)without["data"]!["status"]);
        Assert.False(without.ContainsKey("health"));
        Assert.Empty(deleted.Received);
    }

    [Theory]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://192.168.1.20/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00:ec2::254]/")]
    [InlineData("https://100.64.0.1/")]
    [InlineData("ftp://example.com/hook")]
    public async Task A_target_that_is_not_a_public_address_is_refused_naming_the_url(string url)
    {
        using var response = await _admin.Http.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { WebhookEvents.LeadQualified } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().ContainsKey("url"));
    }

    [Fact]
    public async Task Coordinators_cannot_manage_webhooks_and_an_unknown_event_is_refused()
    {
        using var ana = await _ana.Http.GetAsync("/api/v1/webhooks", Ct);
        using var unknown = await _admin.Http.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.216.34/hook", events = new[] { "lead.teleported" } }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, ana.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().ContainsKey("events"));
    }
}
