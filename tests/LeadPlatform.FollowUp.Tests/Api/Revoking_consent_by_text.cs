using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>
/// Revocation by any reasonable means, over the signed SMS webhook on real HTTP: keywords and free-text requests in
/// English, Spanish and Portuguese opt the lead out (of everything, by default); ambiguous replies are flagged for a
/// coordinator on the timeline and the lead page. A fixed clock inside calling hours.
/// </summary>
public sealed class Revoking_consent_by_text : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(_time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("en", "STOP")]
    [InlineData("en", "please stop texting me")]
    [InlineData("es", "BAJA")]
    [InlineData("es", "ALTO")]
    [InlineData("es", "CANCELAR")]
    [InlineData("es", "ya no me escriban")]
    [InlineData("es", "No me contacten más, gracias")]
    [InlineData("es", "no me contacten mas")]
    [InlineData("es", "Dejen de escribirme por favor")]
    [InlineData("pt", "PARAR")]
    [InlineData("pt", "SAIR")]
    [InlineData("pt", "não quero mais mensagens")]
    [InlineData("pt", "Nao quero receber mais mensagens")]
    [InlineData("pt", "parem de me mandar mensagens")]
    [InlineData("pt", "Por favor, me tirem da lista")]
    public async Task A_revocation_by_text_in_any_language_opts_the_lead_out_of_everything_at_once(string language, string text)
    {
        _ = language;
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var reply = await InboundAsync(text);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var result = (await reply.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)result["optOut"]!, text);
        Assert.False((bool)result["flagged"]!);
        Assert.Equal(1, (int)result["optedOut"]!);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Equal(["sms", "all"], stored.OptOuts);
        var announced = stored.Outbox.Where(e => e.MessageUrn == MessageTypes.UrnOf(typeof(LeadOptedOut))).Select(e => (LeadOptedOut)e.Deserialize(out _));
        Assert.Equal(("all", "sms_reply"), Assert.Single(announced) is var m ? (m.Channel, m.Source) : default);

        // Honoured at once, on every channel.
        foreach (var channel in new[] { "sms", "email", "phone" })
        {
            using var later = await _host.SendAsync(lead.LeadId, channel, "A follow-up about your request.", "Following up");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, later.StatusCode);
            Assert.Contains((await later.Content.ReadFromJsonAsync<JsonObject>())!["violations"]!.AsArray(), v => (string?)v!["rule"] == ComplianceRules.OptedOut);
        }
    }

    [Theory]
    [InlineData("en", "stop, I'm driving, call later")]
    [InlineData("es", "Alto, ¿cuánto cuesta la consulta?")]
    [InlineData("pt", "Parar, estou no trabalho, me liga depois")]
    public async Task An_ambiguous_reply_is_flagged_for_a_coordinator_on_the_timeline_and_the_lead_page_and_opts_nobody_out(string language, string text)
    {
        _ = language;
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var reply = await InboundAsync(text);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var result = (await reply.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)result["optOut"]!);
        Assert.True((bool)result["flagged"]!);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Empty(stored.OptOuts);
        var entry = Assert.Single(stored.Timeline, e => e.Kind.Name() == "sms_received");
        Assert.Equal(text, entry.Details["text"]);
        Assert.Equal(SmsWebhookEndpoints.PossibleOptOut, entry.Details[SmsWebhookEndpoints.FlagDetail]);
        Assert.Contains("may be an opt-out", entry.Summary, StringComparison.Ordinal);

        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        var page = await ana.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}");
        Assert.Contains("id=\"flagged-replies\"", page, StringComparison.Ordinal);
        Assert.Contains("1 SMS reply may be an opt-out", page, StringComparison.Ordinal);
        Assert.Contains("Flagged: may be an opt-out", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_reply_is_on_the_timeline_without_a_flag()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var reply = await InboundAsync("¿Me pueden llamar mañana por la tarde?");

        var result = (await reply.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)result["optOut"]!);
        Assert.False((bool)result["flagged"]!);
        var entry = Assert.Single((await _host.Leads.GetAsync(lead.LeadId))!.Timeline, e => e.Kind.Name() == "sms_received");
        Assert.False(entry.Details.ContainsKey(SmsWebhookEndpoints.FlagDetail));
    }

    private Task<HttpResponseMessage> InboundAsync(string text)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { from = "+14155550134", text }));
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(OutreachHost.WebhookSecret, now, body));
        request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return _host.Http.SendAsync(request);
    }
}
