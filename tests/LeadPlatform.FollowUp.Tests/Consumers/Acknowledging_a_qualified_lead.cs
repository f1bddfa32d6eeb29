using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Consumers;

/// <summary>
/// The acknowledgement a qualified lead gets once its task exists: through the gate, into the evidence ledger, once.
/// On a fixed clock, so that texts are judged at a known local time.
/// </summary>
public sealed class Acknowledging_a_qualified_lead : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(11), TimeSpan.Zero)); // 03:00/04:00 in San Francisco
    private ModuleHarness _module = null!;
    private string _outbox = null!;

    private ILeadStore Leads => _module.Services.GetRequiredService<ILeadStore>();

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:ClinicPostalAddress"] = OutreachHost.ClinicAddress;
            b.Services.AddSingleton<TimeProvider>(_time);
            b.AddFollowUp();
        }, bus => bus.AddFollowUpConsumers());
        _outbox = Path.Combine(_module.Services.GetRequiredService<IConfiguration>()["Storage:DataFolder"]!, "outbox");
    }

    public ValueTask DisposeAsync() => _module.DisposeAsync();

    [Fact]
    public async Task A_qualified_lead_gets_one_acknowledgement_email_even_if_FollowUpTaskCreated_arrives_twice()
    {
        var submitted = SampleMessages.QuoteRequestSubmitted();

        await _module.Harness.Bus.Publish(submitted);
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId));
        // Polled rather than Published.Any: on a busy machine the bus can be quiet for longer than the harness's inactivity timeout.
        await Eventually.GetAsync(() => Task.FromResult(_module.Harness.Published.Select<OutreachSent>().Any(x => x.Context.Message.LeadId == submitted.LeadId)),
            sent => sent, what: "OutreachSent");
        var created = _module.Harness.Published.Select<FollowUpTaskCreated>().Single().Context.Message;
        await _module.Harness.Bus.Publish(created);
        await _module.Harness.Bus.Publish(created);
        await _module.Harness.InactivityTask;
        await _module.OutboxDrainedAsync<ILeadStore>();
        await _module.Harness.InactivityTask;

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_outbox, "email"), "*.eml"));
        var email = MimeMessage.Load(file);
        Assert.Equal("We received your request", email.Subject);
        Assert.Contains("We received your request about spondylolysis", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("not approved by the U.S. Food and Drug Administration", email.TextBody, StringComparison.Ordinal);
        var lead = (await Leads.GetAsync(submitted.LeadId))!;
        var outreach = Assert.Single(lead.Outreach);
        Assert.Equal((OutreachKinds.Acknowledgement, OutreachStatus.Sent, "system:acknowledgement"), (outreach.Kind, outreach.Status, outreach.Author));
        Assert.Equal($"acknowledgement:{created.TaskId}", outreach.Key);
        var evidence = Assert.Single(lead.Evidence);
        Assert.Equal(("cleared", outreach.Id, outreach.EvidenceId), (evidence.Decision, evidence.OutreachId!.Value, evidence.EvidenceId));
        Assert.Single(_module.Harness.Published.Select<OutreachSent>());
        Assert.Equal(LeadStatus.New, lead.Status); // an automatic receipt is not a coordinator's contact
        Assert.False(await _module.Harness.Published.Any<Fault<FollowUpTaskCreated>>());
    }

    [Fact]
    public async Task A_lead_who_only_agreed_to_texts_is_not_texted_at_night_and_the_block_is_on_the_timeline_once()
    {
        var submitted = OutreachHost.WithSmsAndPhoneConsent(SampleMessages.QuoteRequestSubmitted()) is var s
            ? s with { Consent = s.Consent with { Email = new ChannelConsent { Granted = false } } }
            : throw new InvalidOperationException();

        await _module.Harness.Bus.Publish(submitted);
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId));
        var lead = await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId), l => l?.Evidence.Count == 1, what: "the acknowledgement's decision");
        await _module.Harness.Bus.Publish(_module.Harness.Published.Select<FollowUpTaskCreated>().Single().Context.Message);
        await _module.Harness.InactivityTask;
        await _module.OutboxDrainedAsync<ILeadStore>();
        await _module.Harness.InactivityTask;

        lead = (await Leads.GetAsync(submitted.LeadId))!;
        var blocked = Assert.Single(lead.Timeline, e => e.Kind == "outreach_blocked");
        Assert.Equal("sms", blocked.Details["channel"]);
        Assert.Equal(ComplianceRules.QuietHours, blocked.Details["rules"]);
        Assert.True(DateTimeOffset.Parse(blocked.Details["nextAllowedAt"], System.Globalization.CultureInfo.InvariantCulture) > _time.GetUtcNow());
        Assert.Equal("blocked", Assert.Single(lead.Evidence).Decision);
        Assert.Empty(lead.Outreach);
        Assert.False(Directory.Exists(Path.Combine(_outbox, "sms")) && Directory.EnumerateFiles(Path.Combine(_outbox, "sms")).Any());
        Assert.False(await _module.Harness.Published.Any<OutreachSent>());
    }

    [Fact]
    public async Task A_lead_who_agreed_to_neither_email_nor_texts_gets_no_acknowledgement_and_the_reason_is_recorded()
    {
        var submitted = SampleMessages.QuoteRequestSubmitted() is var s
            ? s with { Consent = s.Consent with { Email = new ChannelConsent { Granted = false } } }
            : throw new InvalidOperationException();

        await _module.Harness.Bus.Publish(submitted);
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId));
        var lead = await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId), l => l?.Timeline.Exists(e => e.Kind == "outreach_skipped") == true,
            what: "the skipped acknowledgement");

        Assert.Empty(lead!.Evidence);
        Assert.Empty(lead.Outreach);
        Assert.False(Directory.Exists(_outbox) && Directory.EnumerateFiles(_outbox, "*", SearchOption.AllDirectories).Any());
    }
}
