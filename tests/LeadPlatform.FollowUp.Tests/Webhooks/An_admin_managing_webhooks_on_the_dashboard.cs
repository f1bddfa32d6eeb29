using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.FollowUp.Webhooks;
using LeadPlatform.TestSupport;

namespace LeadPlatform.FollowUp.Tests.Webhooks;

/// <summary>
/// The admins' webhook page over real HTTP: a subscription made with the form shows its signing secret once (and it
/// signs what the receiver gets), "Send test event" reaches the receiver and the delivery log on the page; a target that
/// is not a public https address is refused beside the field with what was typed kept; disable stops new events,
/// delete removes the subscription; coordinators cannot open the page.
/// </summary>
public sealed partial class An_admin_managing_webhooks_on_the_dashboard : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private DashboardSession _admin = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(null, AdminEmail, Password,
            "--FollowUp:Webhooks:AllowLocalTargetsForTests=true", "--FollowUp:Webhooks:PollInterval=00:00:00.100");
        _admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    private Task<HttpResponseMessage> SubscribeAsync(string url, params string[] events)
    {
        var fields = new List<KeyValuePair<string, string>> { new("url", url), new("description", "Clinic CRM") };
        fields.AddRange(events.Select(e => new KeyValuePair<string, string>("events", e)));
        return PostAsync("/dashboard/webhooks", fields);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, List<KeyValuePair<string, string>>? fields = null)
    {
        fields ??= [];
        fields.Add(new("__RequestVerificationToken", await _admin.TokenAsync("/dashboard/webhooks")));
        return await _admin.Http.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task A_subscription_made_on_the_page_shows_its_secret_once_and_a_test_event_reaches_the_receiver_signed_with_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var created = await SubscribeAsync(receiver.Url.ToString(), WebhookEvents.LeadQualified, WebhookEvents.LeadOptedOut);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync(Ct);
        var secret = WebUtility.HtmlDecode(Secret().Match(html).Groups[1].Value);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var list = (await _admin.Http.GetFromJsonAsync<JsonArray>("/api/v1/webhooks", Ct))!;
        var id = (Guid)list.Single()!["id"]!;
        Assert.DoesNotContain(secret, await _admin.Http.GetStringAsync("/dashboard/webhooks", Ct), StringComparison.Ordinal); // shown once

        using (var test = await PostAsync($"/dashboard/webhooks/{id}/test"))
            Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 1, TimeSpan.FromSeconds(30), "the test event");
        var (answer, body, headers) = receiver.Received.Single();
        Assert.Equal(200, answer);
        Assert.Equal(WebhookEvents.Test, headers[WebhookSignature.EventHeader]);
        Assert.True(WebhookSignature.Verify(secret, headers[WebhookSignature.TimestampHeader], body, headers[WebhookSignature.SignatureHeader]), "signed with the secret shown");
        var page = await Eventually.GetAsync(() => _admin.Http.GetStringAsync("/dashboard/webhooks", Ct),
            p => p.Contains("class=\"delivery-delivered\"", StringComparison.Ordinal), what: "the delivered test event on the page");
        Assert.Contains($"data-event=\"{WebhookEvents.Test}\"", page, StringComparison.Ordinal);
        Assert.Contains("<td>200</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_is_not_a_public_https_address_is_refused_beside_the_field_with_what_was_typed_kept()
    {
        using var refused = await SubscribeAsync("https://169.254.169.254/latest/meta-data", WebhookEvents.LeadQualified);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Matches("id=\"url-error\">[^<]*not a public address", html);
        Assert.Contains("value=\"https://169.254.169.254/latest/meta-data\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);

        using var noEvents = await SubscribeAsync("ftp://crm.example/hook");
        html = await noEvents.Content.ReadAsStringAsync(Ct);
        Assert.Matches("id=\"url-error\">[^<]*https", html);
        Assert.Matches("id=\"events-error\">[^<]*Choose at least one", html);
        Assert.Empty((await _admin.Http.GetFromJsonAsync<JsonArray>("/api/v1/webhooks", Ct))!);
    }

    [Fact]
    public async Task A_disabled_subscription_gets_no_new_events_and_a_deleted_one_leaves_the_list()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var other = await WebhookReceiver.StartAsync();
        using (await SubscribeAsync(receiver.Url.ToString(), WebhookEvents.LeadOptedOut)) { }
        var id = (Guid)(await _admin.Http.GetFromJsonAsync<JsonArray>("/api/v1/webhooks", Ct))!.Single()!["id"]!;
        using (await SubscribeAsync(other.Url.ToString(), WebhookEvents.LeadOptedOut)) { } // stays enabled: shows when the event went out
        using (var disable = await PostAsync($"/dashboard/webhooks/{id}/disable"))
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Contains("disabled</span>", await _admin.Http.GetStringAsync("/dashboard/webhooks", Ct), StringComparison.Ordinal);

        var lead = await _host.SubmittedAsync();
        using (var optOut = await _admin.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/opt-outs", new { channel = "email", coordinator = "Admin" }, Ct))
            Assert.True(optOut.IsSuccessStatusCode, await optOut.Content.ReadAsStringAsync(Ct));
        await Eventually.GetAsync(() => Task.FromResult(other.Received.Count), n => n >= 1, TimeSpan.FromSeconds(30), "the opt-out at the enabled subscription");
        Assert.Empty((await _admin.Http.GetFromJsonAsync<JsonArray>($"/api/v1/webhooks/{id}/deliveries", Ct))!);

        using (var delete = await PostAsync($"/dashboard/webhooks/{id}/delete"))
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.DoesNotContain((await _admin.Http.GetFromJsonAsync<JsonArray>("/api/v1/webhooks", Ct))!, s => (Guid)s!["id"]! == id);
        Assert.DoesNotContain(receiver.Url.ToString(), await _admin.Http.GetStringAsync("/dashboard/webhooks", Ct), StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_coordinator_cannot_open_the_webhook_page()
    {
        using var ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
        using var page = await ana.Http.GetAsync("/dashboard/webhooks", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/dashboard/forbidden", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<code class=\"secret\" id=\"webhook-secret\">([^<]+)</code>")]
    private static partial Regex Secret();
}
