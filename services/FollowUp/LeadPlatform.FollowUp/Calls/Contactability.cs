using System.Diagnostics.Metrics;
using System.Globalization;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Calls;

/// <summary>
/// Whether each channel is open for the lead right now, asked of the gate itself: its check runs on a neutral probe
/// (nothing is stored, no evidence is linked, nothing is sent) with the lead's real facts — consent, opt-outs, age,
/// quiet hours in the lead's time zone, the contact limit, the disclaimer for the lead's condition and language — and
/// its findings become plain words ("quiet hours until 08:00 their time", "no Spanish disclaimer", "opted out of SMS").
/// The real send is checked again, so this can only be more cautious than the gate, never less.
/// </summary>
internal sealed class Contactability
{
    /// <summary>The meter of <see cref="LeadFactsWorkedOut"/> and <see cref="GateChecks"/>.</summary>
    public const string MeterName = "LeadPlatform.FollowUp.Contactability";
    /// <summary>Counts the leads whose facts were worked out (once per lead shown, however many channels).</summary>
    public const string LeadFactsWorkedOut = "leadplatform.contactability.lead_facts";
    /// <summary>Counts the gate's checks (one per channel of each lead shown).</summary>
    public const string GateChecks = "leadplatform.contactability.gate_checks";
    private const string Probe = "Following up on your request.";
    private const string ProbeSubject = "Your request";
    private static readonly OutreachChannel[] Channels = [OutreachChannel.Phone, OutreachChannel.Sms, OutreachChannel.Email];

    private readonly ComplianceGate gate;
    private readonly LeadFacts facts;
    private readonly Counter<long> factsCounted;
    private readonly Counter<long> checksCounted;

    public Contactability(ComplianceGate gate, LeadFacts facts, IMeterFactory meters)
    {
        (this.gate, this.facts) = (gate, facts);
        var meter = meters.Create(MeterName);
        factsCounted = meter.CreateCounter<long>(LeadFactsWorkedOut, "{lead}",
            "Leads whose compliance facts (consent, opt-outs, age, history, signed links) and time zones were worked out for contactability: once per lead shown.");
        checksCounted = meter.CreateCounter<long>(GateChecks, "{check}", "The gate's checks run for contactability: one per channel of each lead shown.");
    }

    /// <summary>
    /// Every channel of one lead. What does not depend on the channel — the lead's compliance facts (two signed links among
    /// them) and its time zones (a phone number parsed) — is worked out once for the lead, not once per channel; the gate's
    /// rules then run per channel, as they decide per channel.
    /// </summary>
    public IReadOnlyList<ChannelContactability> For(LeadDocument lead, TimeDisplay display)
    {
        var (leadFacts, zones) = FactsOf(lead);
        return [.. Channels.Select(c => Check(lead, c, leadFacts, zones, display))];
    }

    public ChannelContactability For(LeadDocument lead, OutreachChannel channel, TimeDisplay display)
    {
        var (leadFacts, zones) = FactsOf(lead);
        return Check(lead, channel, leadFacts, zones, display);
    }

    private (LeadComplianceFacts Facts, IReadOnlyList<TimeZoneInfo> Zones) FactsOf(LeadDocument lead)
    {
        factsCounted.Add(1);
        return (facts.For(lead), LeadTimeZones.For(lead.Person?.Country, lead.Person?.PostalCode, lead.Person?.Phone));
    }

    private ChannelContactability Check(LeadDocument lead, OutreachChannel channel, LeadComplianceFacts leadFacts, IReadOnlyList<TimeZoneInfo> zones, TimeDisplay display)
    {
        var draft = new OutreachDraft
        {
            LeadId = lead.Id,
            Channel = channel,
            Condition = lead.Inquiry?.Condition ?? string.Empty,
            Language = lead.Person?.Language ?? "en",
            Subject = ChannelPolicy.For(channel).HasSubject ? ProbeSubject : null,
            Body = Probe,
            Author = "contactability",
            Recipient = LeadFacts.RecipientFor(lead, channel) ?? string.Empty,
            // The probe is the product's own words and is never sent: the claims screen (its learned layer holds some
            // plain sentences for review) must not decide whether a channel is open or when it next opens.
            ApprovedContent = [new ApprovedContent { Id = "contactability-probe", Text = Probe }, new ApprovedContent { Id = "contactability-probe-subject", Text = ProbeSubject }],
        };
        checksCounted.Add(1);
        var decision = gate.Check(draft, leadFacts);
        var reasons = decision.Violations
            .Where(v => v.Rule != ComplianceRules.ClaimsScreen && v.Field is null)
            // Without consent there is no consented number to compare: the mismatch finding says nothing more.
            .Where(v => v.Rule != ComplianceRules.ConsentRecipientMismatch || !decision.Violations.Any(x => x.Rule == ComplianceRules.ConsentMissing))
            .Select(v => Words(v, channel, draft, decision.NextAllowedAt, zones, display))
            .Distinct()
            .ToList();
        return new ChannelContactability(ChannelNames.Of(channel), reasons.Count == 0, reasons, decision.NextAllowedAt);
    }

    private static string Words(ComplianceViolation v, OutreachChannel channel, OutreachDraft draft, DateTimeOffset? next,
        IReadOnlyList<TimeZoneInfo> zones, TimeDisplay display) => v.Rule switch
    {
        ComplianceRules.DraftIncomplete => $"no {ChannelPolicy.For(channel).AddressWords} on file",
        ComplianceRules.ConsentMissing => $"no consent to {ChannelPolicy.For(channel).ContactBy}",
        ComplianceRules.ConsentRecipientMismatch => $"the {ChannelPolicy.For(channel).AddressWords} is not the one consent was given for",
        ComplianceRules.OptedOut => v.Advice.Contains("all", StringComparison.Ordinal) ? "opted out" : $"opted out of {ChannelPolicy.For(channel).OptedOutOf}",
        ComplianceRules.Minor => "under 18: not to be contacted",
        ComplianceRules.QuietHours => next is { } at && display.ForTheLead(at, zones) is { } theirs
            ? $"quiet hours until {theirs} their time"
            : "quiet hours in their time zone",
        ComplianceRules.TimeZoneUnknown => "their time zone is unknown: record a postal code or a valid phone number",
        ComplianceRules.FrequencyCap => next is { } lifts ? $"contact limit reached until {display.Here(lifts)}" : "contact limit reached",
        ComplianceRules.DisclaimerMissing => $"no {LanguageName(draft.Language)} disclaimer for {PlainWords.Code(draft.Condition).ToLowerInvariant()}",
        _ => v.Advice,
    };

    private static string LanguageName(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.EnglishName.Length > 0 && !culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? culture.EnglishName : code;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
