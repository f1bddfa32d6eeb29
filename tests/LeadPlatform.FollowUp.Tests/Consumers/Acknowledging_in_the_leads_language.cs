using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Consumers;

/// <summary>
/// The acknowledgement goes out in the language the lead's submission carried, when there is an evidence disclaimer for
/// it, and in English otherwise. With a disclaimer registry that has a Spanish disclaimer and no Portuguese one.
/// </summary>
public sealed class Acknowledging_in_the_leads_language : IAsyncLifetime
{
    private const string SpanishDisclaimer = "El tratamiento con células madre para la espondilólisis es experimental y no está aprobado por la FDA.";
    private ModuleHarness _module = null!;
    private string _outbox = null!;

    private static DisclaimerRegistry Registry() => DisclaimerRegistry.FromJson([Document("en", "Stem-cell treatment for spondylolysis is investigational."), Document("es", SpanishDisclaimer)]);

    private static string Document(string language, string text) => System.Text.Json.JsonSerializer.Serialize(new
    {
        condition = "spondylolysis", language, version = "test-1",
        channels = new Dictionary<string, object>
        {
            ["email"] = new { id = $"evidence.spondylolysis.email.{language}", text = text + "\n{clinicPostalAddress}\n{unsubscribeUrl}", placeholders = new[] { "clinicPostalAddress", "unsubscribeUrl" } },
            ["sms"] = new { id = $"evidence.spondylolysis.sms.{language}", text = text + " {fullDisclaimerUrl}", placeholders = new[] { "fullDisclaimerUrl" } },
        },
    });

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:ClinicPostalAddress"] = OutreachHost.ClinicAddress;
            b.AddFollowUp();
            b.Services.AddSingleton(Registry());
        }, bus => bus.AddFollowUpConsumers());
        _outbox = Path.Combine(_module.Services.GetRequiredService<IConfiguration>()["Storage:DataFolder"]!, "outbox");
    }

    public ValueTask DisposeAsync() => _module.DisposeAsync();

    private async Task<MimeMessage> AcknowledgedAsync(string language)
    {
        var submitted = SampleMessages.QuoteRequestSubmitted() is var s ? s with { Person = s.Person with { Language = language } } : throw new InvalidOperationException();
        await _module.Harness.Bus.Publish(submitted);
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId));
        var lead = await Eventually.GetAsync(() => _module.Services.GetRequiredService<ILeadStore>().GetAsync(submitted.LeadId),
            l => l?.Outreach.Exists(o => o.Kind == OutreachKinds.Acknowledgement && o.Status == OutreachStatus.Sent) == true, what: "the acknowledgement");
        var outreach = lead!.Outreach.Single();
        return MimeMessage.Load(Path.Combine(_outbox, "email", $"{outreach.Id}.eml"));
    }

    [Fact]
    public async Task A_Spanish_speaking_lead_is_acknowledged_in_Spanish_with_the_Spanish_disclaimer()
    {
        var email = await AcknowledgedAsync("es-MX");

        Assert.Equal("Hemos recibido su solicitud", email.Subject);
        Assert.Contains("Hemos recibido su solicitud sobre la espondilólisis", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(SpanishDisclaimer, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_whose_language_has_no_disclaimer_is_acknowledged_in_English()
    {
        var email = await AcknowledgedAsync("pt");

        Assert.Equal("We received your request", email.Subject);
        Assert.Contains("Stem-cell treatment for spondylolysis is investigational.", email.TextBody, StringComparison.Ordinal);
    }
}
