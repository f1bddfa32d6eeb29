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
        var blocked = Assert.Single(lead.Timeline, e => e.Kind.Name() == "outreach_blocked");
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
        var lead = await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId), l => l?.Timeline.Exists(e => e.Kind.Name() == "outreach_skipped") == true,
            what: "the skipped acknowledgement");

        Assert.Empty(lead!.Evidence);
        Assert.Empty(lead.Outreach);
        Assert.False(Directory.Exists(_outbox) && Directory.EnumerateFiles(_outbox, "*", SearchOption.AllDirectories).Any());
    }

    private async Task<LeadDocument> AcknowledgedAsync(QuoteRequestSubmitted submitted)
    {
        await _module.Harness.Bus.Publish(submitted);
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId));
        return (await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId),
            l => l?.Outreach.Exists(o => o.Status == OutreachStatus.Sent) == true || l?.Timeline.Exists(e => e.Kind.Name() == "outreach_skipped") == true,
            what: "the acknowledgement sent or skipped"))!;
    }

    private MimeMessage EmailOf(LeadDocument lead) =>
        MimeMessage.Load(Path.Combine(_outbox, "email", $"{lead.Outreach.Single(o => o.Status == OutreachStatus.Sent).Id}.eml"));

    [Fact]
    public async Task A_first_name_with_a_header_injection_payload_is_not_repeated_and_List_Unsubscribe_is_the_link_issued_for_the_outreach()
    {
        const string payload = "http://localhost:5080/unsubscribe/x>,<mailto:attacker@evil.example?subject=";
        var submitted = SampleMessages.QuoteRequestSubmitted() is var s ? s with { Person = s.Person with { FirstName = payload } } : throw new InvalidOperationException();

        var email = EmailOf(await AcknowledgedAsync(submitted));

        Assert.StartsWith("Hello,", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", email.TextBody, StringComparison.Ordinal);
        var header = email.Headers["List-Unsubscribe"]!;
        Assert.DoesNotContain("mailto", header, StringComparison.Ordinal);
        Assert.DoesNotContain(",", header, StringComparison.Ordinal);
        Assert.Matches("^<http://localhost:5080/unsubscribe/[^<>, ]+>$", header);
        Assert.Contains(header.Trim('<', '>'), email.TextBody, StringComparison.Ordinal);
        Assert.NotEqual("http://localhost:5080/unsubscribe/x", header.Trim('<', '>'));
    }

    [Fact]
    public async Task An_accented_first_name_is_repeated_and_one_with_a_link_is_not()
    {
        var plain = SampleMessages.QuoteRequestSubmitted() is var p ? p with { Person = p.Person with { FirstName = "José-María O'Neil" } } : throw new InvalidOperationException();
        Assert.StartsWith("Hello José-María O'Neil,", EmailOf(await AcknowledgedAsync(plain)).TextBody, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromHours(25)); // past the recipient's limit of one automatic message a day
        var spam = SampleMessages.QuoteRequestSubmitted() is var q
            ? q with { Person = q.Person with { FirstName = "friend! Your refund is ready at https://evil.example/claim" } }
            : throw new InvalidOperationException();
        var email = EmailOf(await AcknowledgedAsync(spam));
        Assert.StartsWith("Hello,", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_acknowledgement_s_own_wording_is_recorded_as_approved_content_and_still_passes_every_claims_rule()
    {
        var lead = await AcknowledgedAsync(SampleMessages.QuoteRequestSubmitted());

        var evidence = Assert.Single(lead.Evidence);
        Assert.Equal("cleared", evidence.Decision);
        Assert.Equal("acknowledgement:email:en:subject", evidence.ApprovedContent[0]);
        Assert.Equal(Enumerable.Range(1, evidence.ApprovedContent.Length - 1).Select(i => $"acknowledgement:email:en:body#{i}"), evidence.ApprovedContent.Skip(1));
        Assert.True(evidence.ApprovedContent.Length >= 3, "the fixed wording before and after the greeted name and the condition");
        Assert.All(evidence.RuleResults.Where(r => r.Rule.StartsWith("claims", StringComparison.Ordinal)), r => Assert.Equal("passed", r.Outcome));
        Assert.Contains(evidence.RuleResults, r => r.Rule.StartsWith("claims", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_written_into_the_first_name_is_still_caught_by_the_claims_screen_and_nothing_is_sent()
    {
        // Letters and spaces only, so it is greeted by name: the name is the submitter's words, never approved content.
        var submitted = SampleMessages.QuoteRequestSubmitted() is var s ? s with { Person = s.Person with { FirstName = "Guaranteed Results" } } : throw new InvalidOperationException();
        Assert.Equal("Guaranteed Results", LeadPlatform.FollowUp.Outreach.AcknowledgementTemplate.GreetableName(submitted.Person.FirstName));

        await _module.Harness.Bus.Publish(submitted);
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId));
        var lead = (await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId), l => l?.Evidence.Count == 1, what: "the acknowledgement's decision"))!;

        var evidence = Assert.Single(lead.Evidence);
        Assert.NotEqual("cleared", evidence.Decision);
        Assert.Contains(evidence.RuleResults, r => r.Rule.StartsWith("claims", StringComparison.Ordinal) && r.Outcome is "failed" or "review");
        Assert.DoesNotContain(lead.Outreach, o => o.Status == OutreachStatus.Sent);
        Assert.False(await _module.Harness.Published.Any<OutreachSent>(x => x.Context.Message.LeadId == submitted.LeadId));
    }

    [Theory]
    [InlineData("Maria", "Maria")]
    [InlineData("  Anne   Marie ", "Anne Marie")]
    [InlineData("Zoë", "Zoë")]
    [InlineData("D’Angelo", "D’Angelo")]
    [InlineData("Łukasz", "Łukasz")]
    [InlineData("Maria2", null)]
    [InlineData("maria@evil.example", null)]
    [InlineData("www.evil.example", null)]
    [InlineData("Bank alert: verify", null)]
    [InlineData("-Maria", null)]
    [InlineData("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null)]
    [InlineData("Admin\u202Etxt", null)]
    [InlineData("", null)]
    public void Only_letters_spaces_hyphens_and_apostrophes_are_greeted_by_name(string firstName, string? greeted) =>
        Assert.Equal(greeted, LeadPlatform.FollowUp.Outreach.AcknowledgementTemplate.GreetableName(firstName));

    [Fact]
    public async Task A_second_acknowledgement_to_the_same_address_within_a_day_is_not_sent_even_for_another_lead()
    {
        var first = await AcknowledgedAsync(SampleMessages.QuoteRequestSubmitted());
        _time.Advance(TimeSpan.FromHours(23));
        var second = await AcknowledgedAsync(SampleMessages.QuoteRequestSubmitted()); // another lead, the same email address
        _time.Advance(TimeSpan.FromHours(2));
        var third = await AcknowledgedAsync(SampleMessages.QuoteRequestSubmitted());

        Assert.NotEqual(first.Id, second.Id);
        Assert.Single(first.Outreach, o => o.Status == OutreachStatus.Sent);
        Assert.Empty(second.Outreach);
        Assert.Contains(second.Timeline, e => e.Kind.Name() == "outreach_skipped" && e.Summary.Contains("already went to this address or number", StringComparison.Ordinal));
        Assert.Single(third.Outreach, o => o.Status == OutreachStatus.Sent);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_outbox, "email"), "*.eml").Length);
    }
}
