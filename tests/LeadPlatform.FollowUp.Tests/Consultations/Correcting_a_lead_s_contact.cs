using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Consultations;

/// <summary>
/// A coordinator corrects a mistyped phone or email, recorded with who and why; consent for the old number or address
/// does not carry over, so the gate refuses texts to the new number until the lead confirms through it.
/// </summary>
public sealed class Correcting_a_lead_s_contact : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours(), "--FollowUp:Acknowledgements=false");
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        _ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_corrected_number_is_recorded_with_who_and_why_and_texts_to_it_wait_for_consent_through_it()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var corrected = await _ana.Http.PutAsJsonAsync($"/api/v1/leads/{lead.LeadId}/contact",
            new { phone = "+14155550199", reason = "She read the number out on the phone: two digits were swapped" }, Ct);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var view = (await corrected.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.True((bool)view["needsConfirmation"]!);
        var stored = (await _host.Leads.GetAsync(lead.LeadId, Ct))!;
        Assert.Equal("+14155550199", stored.Person!.Phone);
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "contact_corrected" && e.Actor == "Ana"
            && e.Summary.StartsWith("Phone number corrected: She read the number out", StringComparison.Ordinal)
            && e.Summary.Contains("Consent needs confirmation before texts and calls to the new number", StringComparison.Ordinal));
        var evidence = Assert.Single(stored.Evidence, e => e.Decision == "contact_corrected");
        Assert.Equal("Ana", evidence.Author);
        Assert.DoesNotContain("+14155550199", evidence.RuleResults[0].Detail, StringComparison.Ordinal);
        Assert.True((bool)(await _ana.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{lead.LeadId}/evidence", Ct))!["verification"]!["isIntact"]!);

        using var text = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach", new { channel = "sms", body = "Hello Maria, when may we call you?" }, Ct);
        Assert.Equal((HttpStatusCode)422, text.StatusCode);
        Assert.Contains("the recipient is not the number consent was given for", await text.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(_host.OutboxFiles("sms"));
        var page = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}", Ct));
        Assert.Contains("The phone number was corrected: consent to texts and calls must be confirmed through the new number", page, StringComparison.Ordinal);

        // Email was not corrected: consent to it still holds.
        using var email = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach", new { channel = "email", subject = "Your inquiry", body = "Hello Maria, when may we call you?" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, email.StatusCode);
    }

    [Fact]
    public async Task A_START_reply_from_the_corrected_number_confirms_it_and_texts_to_it_are_allowed_again()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        using (var corrected = await _ana.Http.PutAsJsonAsync($"/api/v1/leads/{lead.LeadId}/contact",
                   new { phone = "+14155550199", reason = "Two digits were swapped" }, Ct))
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        using (var refused = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach", new { channel = "sms", body = "Hello Maria, is this your number?" }, Ct))
            Assert.Equal((HttpStatusCode)422, refused.StatusCode);

        // The lead answers START from the new number, through the provider's signed webhook.
        var body = System.Text.Encoding.UTF8.GetBytes("""{"from":"+1 415 555 0199","text":"START"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        var now = _host.Host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(LeadPlatform.FollowUp.Sms.SmsWebhookEndpoints.SignatureHeader, LeadPlatform.FollowUp.Sms.SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, body));
        request.Headers.Add(LeadPlatform.FollowUp.Sms.SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var reply = await _host.Http.SendAsync(request, Ct))
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        var stored = (await _host.Leads.GetAsync(lead.LeadId, Ct))!;
        Assert.Null(stored.ConsentedContact);
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "opted_in" && e.Summary.StartsWith("Confirmed the corrected number", StringComparison.Ordinal));
        using var text = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach", new { channel = "sms", body = "Hello Maria, thank you for confirming." }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, text.StatusCode);
        Assert.Single(_host.OutboxFiles("sms"));
    }

    [Fact]
    public async Task A_correction_that_is_not_a_phone_or_email_is_a_problem_naming_the_field_on_the_api_and_beside_the_field_on_the_page()
    {
        var lead = await _host.SubmittedAsync();

        using var api = await _ana.Http.PutAsJsonAsync($"/api/v1/leads/{lead.LeadId}/contact", new { phone = "415 555", email = "maria@", reason = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.NotNull(errors["phone"]);
        Assert.NotNull(errors["email"]);
        Assert.NotNull(errors["reason"]);

        using var form = await _ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/contact",
            new() { ["phone"] = "415 555", ["email"] = "", ["reason"] = "typo" }, $"/dashboard/leads/{lead.LeadId}/contact");
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync(Ct));
        Assert.Contains("id=\"phone-error\">Give the phone number in international form", html, StringComparison.Ordinal);
        Assert.Equal("+14155550134", (await _host.Leads.GetAsync(lead.LeadId, Ct))!.Person!.Phone);
    }
}
