using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>
/// The one-time confirmation of an SMS opt-out (47 CFR § 64.1200(a)(12)), over the signed SMS webhook on real HTTP on a
/// fixed clock: one short text in the person's language through the SMS channel's outbox, recorded (evidence, timeline),
/// never held for claims review, and at most one to the same number within 5 minutes. The clinic's name comes from
/// its postal address ("Spine Care Clinic").
/// </summary>
public sealed class Confirming_an_opt_out_by_text : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(_time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("en", "STOP", "You're unsubscribed from Spine Care Clinic texts. No more messages will be sent.")]
    [InlineData("en", "BAJA", "Se ha dado de baja de los mensajes de Spine Care Clinic. No le enviaremos más mensajes.")]
    [InlineData("es", "ya no me escriban", "Se ha dado de baja de los mensajes de Spine Care Clinic. No le enviaremos más mensajes.")]
    [InlineData("pt", "PARAR", "Você cancelou o recebimento de mensagens de Spine Care Clinic. Não enviaremos mais mensagens.")]
    [InlineData("en", "SAIR", "Você cancelou o recebimento de mensagens de Spine Care Clinic. Não enviaremos mais mensagens.")]
    [InlineData("en", "não quero mais mensagens", "Você cancelou o recebimento de mensagens de Spine Care Clinic. Não enviaremos mais mensagens.")]
    [InlineData("en", "please stop texting me", "You're unsubscribed from Spine Care Clinic texts. No more messages will be sent.")]
    public async Task An_opt_out_reply_gets_one_confirmation_text_in_the_person_s_language_recorded_with_its_evidence(string leadLanguage, string reply, string expected)
    {
        var lead = await _host.SubmittedAsync(s => OutreachHost.WithSmsAndPhoneConsent(s) with { Person = s.Person with { Language = leadLanguage } });

        using var response = await InboundAsync(reply);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)(await response.Content.ReadFromJsonAsync<JsonObject>())!["optOut"]!);
        var text = Assert.Single(_host.OutboxFiles("sms"));
        var sent = JsonNode.Parse(await File.ReadAllTextAsync(text))!;
        Assert.Contains(expected, sent.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        var record = Assert.Single(stored.Outreach);
        Assert.Equal((OutreachKinds.OptOutConfirmation, OutreachStatus.Sent, "sms", expected), (record.Kind, record.Status, record.Channel, record.Message));
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "outreach_sent" && e.Summary.StartsWith("Opt-out confirmation", StringComparison.Ordinal));
        // Its evidence: cleared as the opt-out confirmation, the claims screen not applied (a fixed text), never held for review.
        var evidence = Assert.Single(stored.Evidence, e => e.OutreachId == record.Id);
        Assert.Equal(("cleared", OutreachDraft.OptOutConfirmationAuthor), (evidence.Decision, evidence.Author));
        Assert.Contains(evidence.RuleResults, r => r.Rule == ComplianceRules.OptOutConfirmation && r.Outcome == "passed");
        Assert.Contains(evidence.RuleResults, r => r.Rule == ComplianceRules.ClaimsScreen && r.Outcome == "not-applicable");
        Assert.DoesNotContain(stored.Timeline, e => e.Kind.Name() == "outreach_held");
        // The lead is still opted out of everything: the confirmation opened nothing.
        Assert.Contains("all", stored.OptOuts);
    }

    [Fact]
    public async Task Repeated_opt_outs_within_5_minutes_get_no_second_confirmation_and_one_after_them_does()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        (await InboundAsync("STOP")).Dispose();
        _time.Advance(TimeSpan.FromMinutes(1));
        (await InboundAsync("STOP")).Dispose();
        _time.Advance(TimeSpan.FromMinutes(3));
        (await InboundAsync("BAJA")).Dispose();

        Assert.Single(_host.OutboxFiles("sms"));
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Single(stored.Outreach, o => o.Kind == OutreachKinds.OptOutConfirmation);
        Assert.Equal(2, stored.Timeline.Count(e => e.Kind.Name() == "opt_out_confirmation_skipped"));

        _time.Advance(TimeSpan.FromMinutes(2)); // 6 minutes after the first confirmation
        (await InboundAsync("STOP")).Dispose();

        Assert.Equal(2, _host.OutboxFiles("sms").Length);
    }

    [Fact]
    public async Task A_reply_that_is_not_an_opt_out_gets_no_confirmation()
    {
        await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        (await InboundAsync("stop, I'm driving, call later")).Dispose();
        (await InboundAsync("Yes, Tuesday works")).Dispose();

        Assert.Empty(_host.OutboxFiles("sms"));
    }

    [Fact]
    public void The_gate_clears_nothing_but_the_fixed_confirmation_text_to_an_opted_out_lead()
    {
        var gate = ComplianceGate.CreateDefault(TimeProvider.System);
        var facts = new LeadComplianceFacts { ConsentedPhone = "+14155550134", OptOuts = [OptOutScope.All], ClinicName = "Spine Care Clinic" };
        OutreachDraft Draft(string body, OutreachChannel channel = OutreachChannel.Sms) => new()
        {
            LeadId = Guid.NewGuid(), Channel = channel, Condition = "spondylolysis", Language = "en", Body = body,
            Author = OutreachDraft.OptOutConfirmationAuthor, Recipient = "+14155550134",
        };

        Assert.True(gate.Check(Draft(OptOutConfirmation.Text("en", "Spine Care Clinic")), facts).Cleared);
        Assert.False(gate.Check(Draft("You're unsubscribed. Also: our therapy cures back pain!"), facts).Cleared);
        Assert.False(gate.Check(Draft(OptOutConfirmation.Text("en", "Spine Care Clinic"), OutreachChannel.Phone), facts).Cleared);
        Assert.False(gate.Check(Draft(OptOutConfirmation.Text("en", "Spine Care Clinic")), facts with { OptOuts = [] }).Cleared);
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
