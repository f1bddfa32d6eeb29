using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeadPlatform.Contracts;
using PhoneNumbers;

namespace LeadPlatform.Compliance;

/// <summary>
/// The only road to a channel. <see cref="Check"/> runs every rule (draft, consent, suppression, frequency cap,
/// quiet hours, claims screen, disclaimers) and fails closed: anything missing blocks, with the reason. Every check
/// yields an evidence record; only a cleared check yields a <see cref="ClearedOutreach"/>. No I/O: the caller passes
/// in everything the gate needs and stores the evidence. Thread-safe.
/// </summary>
public sealed class ComplianceGate
{
    private const string Passed = "passed";
    private const string Failed = "failed";
    private const string NotApplicable = "not-applicable";
    private const string Review = "review";
    private const string Approved = "approved";

    private readonly ClaimsScreen claims;
    private volatile DisclaimerRegistry disclaimers;
    private readonly TimeProvider time;
    private readonly ComplianceOptions options;
    private readonly ContactRuleEvaluator contactRules;

    public ComplianceGate(ClaimRuleSet claims, DisclaimerRegistry disclaimers, TimeProvider time, ComplianceOptions? options = null)
        : this(new ClaimsScreen([claims ?? throw new ArgumentNullException(nameof(claims))]), disclaimers, time, options)
    {
    }

    /// <summary>A gate with a claims screen of one or more languages (and, optionally, its semantic second opinion).</summary>
    public ComplianceGate(ClaimsScreen claims, DisclaimerRegistry disclaimers, TimeProvider time, ComplianceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(disclaimers);
        ArgumentNullException.ThrowIfNull(time);
        options ??= ComplianceOptions.Default;
        if (options.MaxAttemptsPerChannel < 1 || options.FrequencyWindow <= TimeSpan.Zero || options.ClearanceLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("Compliance options are out of range.", nameof(options));
        }

        this.claims = claims;
        this.disclaimers = disclaimers;
        this.time = time;
        this.options = options;
        contactRules = options.ContactRules is { } table ? new ContactRuleEvaluator(table) : ContactRuleEvaluator.Default;
    }

    /// <summary>
    /// The gate with the rule sets (en, es, pt) and disclaimers embedded in this assembly; with
    /// <see cref="ComplianceOptions.SemanticSecondOpinion"/> also the English semantic second opinion (its model loads on
    /// the first sentence that needs it, never for a gate without it).
    /// </summary>
    public static ComplianceGate CreateDefault(TimeProvider time, ComplianceOptions? options = null)
        => new(ClaimsScreen.LoadDefault(options?.SemanticSecondOpinion ?? false), DisclaimerRegistry.LoadDefault(), time, options);

    /// <summary>Versions of the claim rules in force (also in every evidence record).</summary>
    public string RuleSetVersion => claims.Version;

    /// <summary>The claims screen (its rules, with their sources, for the compliance officer).</summary>
    public ClaimsScreen Claims => claims;

    /// <summary>The contact rule table in force (windows and frequency limits by jurisdiction, with their sources).</summary>
    public ContactRuleTable ContactRules => contactRules.Table;

    /// <summary>The disclaimers (the condition × channel × language matrix, for the admin page).</summary>
    public DisclaimerRegistry Disclaimers => disclaimers;

    /// <summary>
    /// Puts another disclaimer registry in force for every later check (the clinic's approvals applied by the service,
    /// <see cref="DisclaimerRegistry.WithApproved"/>): no restart.
    /// </summary>
    public void UseDisclaimers(DisclaimerRegistry registry) => disclaimers = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>Decides on one outreach. Blocked decisions carry the reasons and never an outreach.</summary>
    public ComplianceDecision Check(OutreachDraft draft, LeadComplianceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(facts);

        if (draft.Author == OutreachDraft.OptOutConfirmationAuthor) return CheckOptOutConfirmation(draft, facts);
        var run = new CheckRun(time.GetUtcNow(), draft.Channel);
        CheckDraft(run, draft);
        var consent = CheckConsent(run, draft, facts);
        CheckSuppression(run, facts);
        // Minors: only the automatic acknowledgement (which says only that the request was received) may reach a lead under 18.
        run.Rule(ComplianceRules.Minor, facts.IsMinor != true || draft.Author == OutreachDraft.AcknowledgementAuthor,
            "the lead is known to be under 18", "Do not contact this lead: they are under 18 and not eligible.");
        var capLiftsAt = CheckFrequencyCap(run, facts);
        var contact = CheckContactRules(run, draft, facts);
        CheckClaims(run, draft);
        var assembled = Assemble(draft.Condition, run.Channel, draft.Language, draft.Subject, draft.Body ?? string.Empty, new Dictionary<string, string?>
        {
            ["clinicPostalAddress"] = facts.ClinicPostalAddress,
            ["unsubscribeUrl"] = AbsoluteUrl(facts.UnsubscribeUrl),
            ["fullDisclaimerUrl"] = AbsoluteUrl(facts.FullDisclaimerUrl),
        });
        run.Results.AddRange(assembled.Results);
        run.Violations.AddRange(assembled.Violations);
        return Decide(run, draft, facts, consent, assembled, capLiftsAt, contact);
    }

    /// <summary>
    /// The one-time confirmation of an SMS opt-out (47 CFR § 64.1200(a)(12)): cleared only as the fixed text of
    /// <see cref="OptOutConfirmation"/> (so no claims screen and no disclaimer), by SMS, to the number on file, while an
    /// SMS (or all-contact) opt-out is on record. Consent, suppression, the contact window and the caps do not apply to it:
    /// it answers the person's own message. Its evidence says so, rule by rule.
    /// </summary>
    private ComplianceDecision CheckOptOutConfirmation(OutreachDraft draft, LeadComplianceFacts facts)
    {
        var run = new CheckRun(time.GetUtcNow(), draft.Channel);
        CheckDraft(run, draft);
        var problems = new List<string>();
        if (draft.Channel != OutreachChannel.Sms) problems.Add("an opt-out confirmation goes by SMS only");
        if (!OptOutConfirmation.IsConfirmation(draft.Body, draft.Language, facts.ClinicName)) problems.Add($"the text is not the {OptOutConfirmation.Version} confirmation in '{draft.Language}'");
        if (facts.OptOuts is null || !(facts.OptOuts.Contains(OptOutScope.All) || facts.OptOuts.Contains(OptOutScope.Sms))) problems.Add("no SMS opt-out is on record");
        if (RecipientProblem(draft, facts) is { } recipient) problems.Add(recipient);
        run.Rule(ComplianceRules.OptOutConfirmation, problems.Count == 0,
            problems.Count == 0 ? $"{OptOutConfirmation.Version} ({draft.Language}): the one-time confirmation of an SMS opt-out (47 CFR § 64.1200(a)(12))" : string.Join("; ", problems),
            "Only the fixed opt-out confirmation text may go to a lead who opted out, by SMS, to the number that opted out.");
        const string Why = "not applicable: the one-time confirmation of the lead's own opt-out";
        foreach (var rule in new[] { ComplianceRules.ConsentMissing, ComplianceRules.OptedOut, ComplianceRules.Minor, ComplianceRules.FrequencyCap, ComplianceRules.ContactRules, ComplianceRules.QuietHours, ComplianceRules.ClaimsScreen })
        {
            run.Results.Add(new EvidenceRuleResult { Rule = rule, Outcome = NotApplicable, Detail = Why });
        }

        var assembled = new Assembly(null, draft.Body, [], [], []);
        var contact = new ContactCheck(new ContactEvaluation { Allowed = true, Channel = draft.Channel, Reason = Why, TableVersion = contactRules.Table.Version }, new ContactLocation());
        return Decide(run, draft, facts, ConsentFor(facts.Consent, draft.Channel), assembled, null, contact);
    }

    /// <summary>What one <see cref="Check"/> has found so far.</summary>
    private sealed class CheckRun(DateTimeOffset now, OutreachChannel channel)
    {
        public DateTimeOffset Now { get; } = now;
        public OutreachChannel Channel { get; } = channel;
        public bool KnownChannel => Policy is not null;

        /// <summary>The channel's policy; null for a value that is not a channel (the draft is then incomplete).</summary>
        public ChannelPolicy? Policy { get; } = ChannelPolicy.TryFor(channel, out var policy) ? policy : null;
        public List<ComplianceViolation> Violations { get; } = [];
        public List<EvidenceRuleResult> Results { get; } = [];

        public void Rule(string rule, bool passed, string? detail, string advice) => ComplianceGate.Rule(Results, Violations, rule, passed, detail, advice);
    }

    private static void CheckDraft(CheckRun run, OutreachDraft draft)
    {
        var missing = new List<string>();
        if (draft.LeadId == Guid.Empty) missing.Add("lead id");
        if (!run.KnownChannel) missing.Add("channel");
        if (string.IsNullOrWhiteSpace(draft.Condition)) missing.Add("condition");
        if (string.IsNullOrWhiteSpace(draft.Language)) missing.Add("language");
        if (string.IsNullOrWhiteSpace(draft.Body)) missing.Add("body");
        if (string.IsNullOrWhiteSpace(draft.Author)) missing.Add("author");
        if (string.IsNullOrWhiteSpace(draft.Recipient)) missing.Add("recipient");
        if (run.Policy?.HasSubject == true && string.IsNullOrWhiteSpace(draft.Subject)) missing.Add("subject");
        run.Rule(ComplianceRules.DraftIncomplete, missing.Count == 0, "The draft is missing: " + string.Join(", ", missing) + ".", "Complete the draft before sending.");
    }

    private static ChannelConsent? CheckConsent(CheckRun run, OutreachDraft draft, LeadComplianceFacts facts)
    {
        var consent = ConsentFor(facts.Consent, run.Channel);
        var consentProblem = ConsentProblem(consent, run.Policy, run.Now);
        run.Rule(ComplianceRules.ConsentMissing, consentProblem is null, consentProblem,
            "Do not contact the lead on this channel: there is no valid consent on record for it.");
        var recipientProblem = consentProblem is null ? RecipientProblem(draft, facts) : "consent not established";
        run.Rule(ComplianceRules.ConsentRecipientMismatch, recipientProblem is null, recipientProblem,
            "Send only to the address or number the lead gave consent for.");
        return consent;
    }

    private static void CheckSuppression(CheckRun run, LeadComplianceFacts facts)
    {
        var optedOut = facts.OptOuts is null
            || facts.OptOuts.Contains(OptOutScope.All)
            || (run.Policy is { } policy && facts.OptOuts.Contains(policy.OptOutScope));
        run.Rule(ComplianceRules.OptedOut, !optedOut,
            facts.OptOuts is null ? "opt-outs unknown" : "the lead opted out of " + (facts.OptOuts.Contains(OptOutScope.All) ? "all contact" : Name(run.Channel)),
            "The lead opted out: do not contact them on this channel.");
    }

    /// <summary>Returns when the cap lifts, if it is reached.</summary>
    private DateTimeOffset? CheckFrequencyCap(CheckRun run, LeadComplianceFacts facts)
    {
        if (facts.RecentOutreach is null)
        {
            run.Rule(ComplianceRules.FrequencyCap, false, "outreach history unknown", "Pass the lead's recent outreach history.");
            return null;
        }

        var channel = run.Channel;
        var windowStart = run.Now - options.FrequencyWindow;
        var attempts = facts.RecentOutreach.Where(a => a is not null && a.Channel == channel && a.At > windowStart).Select(a => a.At).Order().ToList();
        var capped = attempts.Count >= options.MaxAttemptsPerChannel;
        run.Rule(ComplianceRules.FrequencyCap, !capped,
            $"{attempts.Count} {Name(channel)} attempt(s) in the last {options.FrequencyWindow.TotalHours:0.#} h (limit {options.MaxAttemptsPerChannel})",
            $"At most {options.MaxAttemptsPerChannel} {Name(channel)} attempts per {options.FrequencyWindow.TotalHours:0.#} hours: schedule it for later.");
        return capped ? attempts[attempts.Count - options.MaxAttemptsPerChannel] + options.FrequencyWindow : null;
    }

    /// <summary>
    /// The contact rule table (windows and frequency limits by jurisdiction, strictest wins; every rule that applies must
    /// hold). Its decision, naming the deciding rule and the table version, is in the evidence for every channel.
    /// </summary>
    private ContactCheck CheckContactRules(CheckRun run, OutreachDraft draft, LeadComplianceFacts facts)
    {
        var location = ContactLocationOf(draft, facts);
        var evaluation = contactRules.Evaluate(run.Channel, location, facts.RecentOutreach, run.Now);
        run.Results.Add(new EvidenceRuleResult
        {
            Rule = ComplianceRules.ContactRules,
            Outcome = evaluation.Allowed ? Passed : Failed,
            Detail = Describe(evaluation),
        });
        if (run.Policy?.ContactRulesApply != true)
        {
            run.Results.Add(new EvidenceRuleResult { Rule = ComplianceRules.QuietHours, Outcome = NotApplicable });
            return new ContactCheck(evaluation, location);
        }

        var decidedBy = evaluation.DecidedBy ?? "no rule";
        if (evaluation.Allowed)
        {
            run.Results.Add(new EvidenceRuleResult { Rule = ComplianceRules.QuietHours, Outcome = Passed, Detail = $"{evaluation.Reason} ({decidedBy}, {evaluation.TableVersion})" });
        }
        else if (evaluation.BlockedByTimingOnly)
        {
            var detail = $"{evaluation.Reason} Rule {decidedBy}, table {evaluation.TableVersion}.";
            if (evaluation.OutsideWindow)
            {
                run.Rule(ComplianceRules.QuietHours, false, detail,
                    $"Texts and calls only {evaluation.WindowFrom:HH\\:mm}-{evaluation.WindowUntil:HH\\:mm} in the lead's local time: schedule it for the next allowed time.");
            }

            if (evaluation.OverFrequencyLimit)
            {
                run.Rule(ComplianceRules.FrequencyCap, false, detail, "The contact rules limit calls and texts to this lead: schedule it for later.");
            }
        }
        else if (evaluation.DecidedBy?.StartsWith(ContactRuleEvaluator.HistoryUnknownRule, StringComparison.Ordinal) == true)
        {
            // Already failed closed by the frequency cap (outreach history unknown); the evidence names the contact rule too.
        }
        else
        {
            run.Rule(ComplianceRules.TimeZoneUnknown, false, $"{evaluation.Reason} Rule {decidedBy}, table {evaluation.TableVersion}.",
                "The lead's location or time zone is unknown or ambiguous: record a country and postal code, or a valid phone number, before texting or calling.");
        }

        return new ContactCheck(evaluation, location);
    }

    private static ContactLocation ContactLocationOf(OutreachDraft draft, LeadComplianceFacts facts) => new()
    {
        Country = facts.Country,
        PostalCode = facts.PostalCode,
        Phone = string.IsNullOrWhiteSpace(facts.ConsentedPhone)
            ? (ChannelPolicy.TryFor(draft.Channel, out var policy) && policy.Address == ChannelAddress.PhoneNumber ? draft.Recipient : null)
            : facts.ConsentedPhone,
    };

    private static string Describe(ContactEvaluation e)
    {
        var text = new StringBuilder();
        text.Append("table ").Append(e.TableVersion).Append("; decided by ").Append(e.DecidedBy ?? "none").Append("; ").Append(e.Reason);
        if (e.AppliedRules.Count > 0) text.Append("; applied: ").Append(string.Join(", ", e.AppliedRules));
        if (e.Jurisdictions.Count > 0) text.Append("; jurisdictions: ").Append(string.Join(", ", e.Jurisdictions));
        if (e.TimeZones.Count > 0) text.Append("; time zones: ").Append(string.Join(", ", e.TimeZones));
        if (e.NextAllowedAt is { } next) text.Append("; next allowed ").Append(next.ToString("O", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>The contact rules' evaluation of this check, and the location it used (to find the next allowed moment).</summary>
    private sealed record ContactCheck(ContactEvaluation Evaluation, ContactLocation Location);

    /// <summary>Pre-approved content is not screened again; review findings a compliance officer approved are accepted.</summary>
    private void CheckClaims(CheckRun run, OutreachDraft draft)
    {
        var found = ScreenClaims(MaskApproved(draft.Subject, draft.ApprovedContent), MaskApproved(draft.Body, draft.ApprovedContent), draft.Language);
        var approvedFindings = draft.Approval is null ? [] : found.Where(v => v.Severity == FindingSeverity.Review).ToList();
        found.RemoveAll(approvedFindings.Contains);
        AddClaimResults(run.Results, found, approvedFindings, draft.Approval);
        run.Violations.AddRange(found);
    }

    private ComplianceDecision Decide(CheckRun run, OutreachDraft draft, LeadComplianceFacts facts, ChannelConsent? consent, Assembly assembled,
        DateTimeOffset? capLiftsAt, ContactCheck contact)
    {
        var now = run.Now;
        var channel = run.Channel;
        var violations = run.Violations;
        var cleared = violations.Count == 0;
        var evidenceId = draft.ResumesEvidenceId ?? Guid.CreateVersion7(now);
        Guid? outreachId = cleared ? draft.ResumesOutreachId ?? Guid.CreateVersion7(now) : null;
        var message = assembled.Message ?? draft.Body ?? string.Empty;
        var messageHash = Hashing.Sha256Hex(message);
        var evidence = new EvidenceRecord
        {
            EvidenceId = evidenceId,
            LeadId = draft.LeadId,
            Channel = run.KnownChannel ? Name(channel) : "unknown",
            Author = draft.Author ?? string.Empty,
            DecidedAt = now,
            Decision = ComplianceDecision.Of(violations),
            Reviewer = draft.Approval?.Reviewer,
            ReviewId = draft.Approval?.ReviewId,
            ApprovedContent = [.. (draft.ApprovedContent ?? []).Select(a => a.Id)],
            OutreachId = outreachId,
            MessageHash = messageHash,
            SubjectHash = assembled.Subject is null ? null : Hashing.Sha256Hex(assembled.Subject),
            RuleSetVersion = claims.Version,
            DisclaimerVersions = [.. assembled.Disclaimers.Select(d => d.Id + "@" + d.Version)],
            ConsentHash = consent is null || run.Policy is null ? "none" : ConsentHash(channel, consent, ConsentedAddress(run.Policy, facts)),
            RuleResults = [.. run.Results],
        };

        DateTimeOffset? nextAllowedAt = null;
        if (!cleared && violations.All(v => v.Rule is ComplianceRules.QuietHours or ComplianceRules.FrequencyCap))
        {
            nextAllowedAt = NextAllowed(now, capLiftsAt, contact, facts.RecentOutreach);
        }

        ClearedOutreach? outreach = null;
        if (cleared)
        {
            var validUntil = now + options.ClearanceLifetime;
            if (WindowEnd(contact.Evaluation, now) is { } end && end < validUntil)
            {
                validUntil = end;
            }

            outreach = new ClearedOutreach(outreachId!.Value, evidenceId, draft.LeadId, channel, draft.Recipient.Trim(), draft.Author ?? string.Empty,
                assembled.Subject, assembled.Message!, messageHash, assembled.Disclaimers, now, validUntil)
            {
                UnsubscribeUrl = run.Policy!.Layout == ChannelLayout.Email ? AbsoluteUrl(facts.UnsubscribeUrl) : null,
            };
        }

        return new ComplianceDecision(violations, assembled.Disclaimers, assembled.Subject, assembled.Message, nextAllowedAt, evidence, outreach)
        {
            NextAllowedLocal = nextAllowedAt is { } next ? LocalTimes(contact.Evaluation, next) : [],
        };
    }

    /// <summary>
    /// Claims screen and disclaimers only, for a coordinator's preview: no consent, suppression, timing or evidence,
    /// and never an outreach. Missing email/SMS links are shown as bracketed placeholders.
    /// </summary>
    public ComplianceDecision Preview(
        string condition,
        OutreachChannel channel,
        string? subject,
        string body,
        string language = "en",
        string? clinicPostalAddress = null,
        string? unsubscribeUrl = null,
        string? fullDisclaimerUrl = null)
    {
        var violations = new List<ComplianceViolation>();
        if (string.IsNullOrWhiteSpace(body))
        {
            violations.Add(new ComplianceViolation { Rule = ComplianceRules.DraftIncomplete, Advice = "Write a message body." });
        }

        violations.AddRange(ScreenClaims(subject, body ?? string.Empty, language));
        var assembled = Assemble(condition, channel, language, subject, body ?? string.Empty, new Dictionary<string, string?>
        {
            ["clinicPostalAddress"] = string.IsNullOrWhiteSpace(clinicPostalAddress) ? "[clinic postal address]" : clinicPostalAddress,
            ["unsubscribeUrl"] = string.IsNullOrWhiteSpace(unsubscribeUrl) ? "[unsubscribe link]" : unsubscribeUrl,
            ["fullDisclaimerUrl"] = string.IsNullOrWhiteSpace(fullDisclaimerUrl) ? "[link to the full disclaimer]" : fullDisclaimerUrl,
        });
        violations.AddRange(assembled.Violations);
        return new ComplianceDecision(violations, assembled.Disclaimers, assembled.Subject, assembled.Message, null, null, null);
    }

    private List<ComplianceViolation> ScreenClaims(string? subject, string? body, string? language)
    {
        var found = new List<ComplianceViolation>();
        if (!string.IsNullOrEmpty(subject))
        {
            found.AddRange(claims.Screen(subject, "subject", language));
        }

        if (!string.IsNullOrEmpty(body))
        {
            found.AddRange(claims.Screen(body, "body", language));
        }

        return found;
    }

    private void AddClaimResults(List<EvidenceRuleResult> results, List<ComplianceViolation> found, List<ComplianceViolation> approved, ReviewApproval? approval)
    {
        foreach (var id in claims.RuleIds)
        {
            var hits = found.Where(v => v.Rule == id).ToList();
            var accepted = approved.Where(v => v.Rule == id).ToList();
            results.Add(new EvidenceRuleResult
            {
                Rule = id,
                Outcome = hits.Count > 0 ? (hits.All(h => h.Severity == FindingSeverity.Review) ? Review : Failed) : accepted.Count > 0 ? Approved : Passed,
                Detail = hits.Count > 0 ? Describe(hits) : accepted.Count > 0 ? $"approved by {approval!.Reviewer} (review {approval.ReviewId:D}): {Describe(accepted)}" : null,
            });
        }

        static string Describe(List<ComplianceViolation> hits) => string.Join("; ", hits.Select(h => $"{h.Field}[{h.Start}+{h.Length}] \"{h.Match}\""));
    }

    /// <summary>Blanks out (same length, so positions stay true) every verbatim occurrence of pre-approved text.</summary>
    private static string? MaskApproved(string? text, IReadOnlyList<ApprovedContent>? approved)
    {
        if (string.IsNullOrEmpty(text) || approved is null || approved.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var content in approved)
        {
            if (string.IsNullOrWhiteSpace(content?.Text))
            {
                continue;
            }

            for (var at = text.IndexOf(content.Text, StringComparison.Ordinal); at >= 0; at = text.IndexOf(content.Text, at + content.Text.Length, StringComparison.Ordinal))
            {
                for (var i = at; i < at + content.Text.Length; i++)
                {
                    chars[i] = char.IsWhiteSpace(chars[i]) ? chars[i] : ' ';
                }
            }
        }

        return new string(chars);
    }

    private sealed record Assembly(
        string? Subject,
        string? Message,
        IReadOnlyList<AttachedDisclaimer> Disclaimers,
        List<ComplianceViolation> Violations,
        List<EvidenceRuleResult> Results);

    private Assembly Assemble(string? condition, OutreachChannel channel, string? language, string? subject, string body, IReadOnlyDictionary<string, string?> values)
    {
        var violations = new List<ComplianceViolation>();
        var results = new List<EvidenceRuleResult>();
        var policy = ChannelPolicy.TryFor(channel, out var known) ? known : null;
        var outSubject = policy?.HasSubject == true ? subject?.Trim() : null;
        var template = policy is not null ? disclaimers.Find(condition, channel, language) : null;
        if (template is null)
        {
            Rule(results, violations, ComplianceRules.DisclaimerMissing, false,
                $"no evidence disclaimer for condition '{condition}', channel {channel}, language '{language}'",
                "No evidence disclaimer exists for this condition, channel and language: nothing can be sent until one is added.");
            return new Assembly(outSubject, null, [], violations, results);
        }

        results.Add(new EvidenceRuleResult { Rule = ComplianceRules.DisclaimerMissing, Outcome = Passed, Detail = template.Id + "@" + template.Version });
        var disclaimer = template.Render(values, out var missing);
        if (disclaimer is null)
        {
            Rule(results, violations, ComplianceRules.DisclaimerIncomplete, false, "missing: " + string.Join(", ", missing),
                "Pass " + string.Join(" and ", missing) + " (absolute links) so the disclaimer can be completed.");
            return new Assembly(outSubject, null, [], violations, results);
        }

        results.Add(new EvidenceRuleResult { Rule = ComplianceRules.DisclaimerIncomplete, Outcome = Passed });
        var text = body.TrimEnd();
        var message = policy!.Layout switch
        {
            ChannelLayout.Email => text + "\n\n--\n" + disclaimer.Text,
            ChannelLayout.Text => text + "\n\n" + disclaimer.Text,
            ChannelLayout.CallScript => "READ ALOUD FIRST, then confirm you have read it:\n" + disclaimer.Text + "\n\nTalking points:\n" + text,
            _ => throw new UnreachableException($"{policy.Name} has no layout."),
        };
        return new Assembly(outSubject, message, [disclaimer], violations, results);
    }

    /// <summary>
    /// The earliest moment at which both the product's per-channel cap and every contact rule (window and limits, in every
    /// candidate zone) allow it; null when the contact rules would still block it then for another reason.
    /// </summary>
    private DateTimeOffset? NextAllowed(DateTimeOffset now, DateTimeOffset? capLiftsAt, ContactCheck contact, IReadOnlyList<PriorOutreach>? history)
    {
        var from = capLiftsAt is { } lifts && lifts > now ? lifts : now;
        var evaluation = from == now ? contact.Evaluation : contactRules.Evaluate(contact.Evaluation.Channel, contact.Location, history, from);
        if (evaluation.Allowed) return from;
        return evaluation.BlockedByTimingOnly ? evaluation.NextAllowedAt : null;
    }

    private static List<ContactLocalTime> LocalTimes(ContactEvaluation evaluation, DateTimeOffset at)
    {
        var local = new List<ContactLocalTime>();
        foreach (var id in evaluation.TimeZones)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) local.Add(new ContactLocalTime(id, TimeZoneInfo.ConvertTime(at, zone)));
        }

        return local;
    }

    /// <summary>When the contact window the clearance was given in ends (texts and calls), so the clearance lapses with it.</summary>
    private static DateTimeOffset? WindowEnd(ContactEvaluation evaluation, DateTimeOffset now)
    {
        if (evaluation.WindowFrom is not { } open || evaluation.WindowUntil is not { } close || evaluation.TimeZones.Count == 0) return null;
        var zones = new List<TimeZoneInfo>();
        foreach (var id in evaluation.TimeZones)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return null;
            zones.Add(zone);
        }

        var (inside, _, until) = QuietHoursWindow.Evaluate(zones, now, open, close);
        return inside ? until : null;
    }

    private static void Rule(List<EvidenceRuleResult> results, List<ComplianceViolation> violations, string rule, bool passed, string? detail, string advice)
    {
        results.Add(new EvidenceRuleResult { Rule = rule, Outcome = passed ? Passed : Failed, Detail = passed ? null : detail });
        if (!passed)
        {
            violations.Add(new ComplianceViolation { Rule = rule, Advice = detail is null ? advice : $"{advice} ({detail})" });
        }
    }

    private static ChannelConsent? ConsentFor(ConsentSnapshot? snapshot, OutreachChannel channel)
        => ChannelPolicy.TryFor(channel, out var policy) ? policy.ConsentOf(snapshot) : null;

    private static string? ConsentedAddress(ChannelPolicy policy, LeadComplianceFacts facts) => policy.Address switch
    {
        ChannelAddress.EmailAddress => facts.ConsentedEmail,
        ChannelAddress.PhoneNumber => facts.ConsentedPhone,
        _ => throw new UnreachableException($"{policy.Name} has no address kind."),
    };

    private static string? ConsentProblem(ChannelConsent? consent, ChannelPolicy? policy, DateTimeOffset now)
    {
        if (consent is null)
        {
            return "no consent recorded for this channel";
        }

        if (!consent.Granted)
        {
            return "consent for this channel was not granted";
        }

        if (consent.GrantedAt is not { } at || at > now)
        {
            return "consent has no valid time";
        }

        if (policy?.WrittenConsentRequired != false
            && (string.IsNullOrWhiteSpace(consent.Text) || string.IsNullOrWhiteSpace(consent.TextVersion)))
        {
            return "no record of the written consent text (prior express written consent is required)";
        }

        return null;
    }

    private static string? RecipientProblem(OutreachDraft draft, LeadComplianceFacts facts)
    {
        if (string.IsNullOrWhiteSpace(draft.Recipient))
        {
            return "no recipient";
        }

        if (ChannelPolicy.TryFor(draft.Channel, out var policy) && policy.Address == ChannelAddress.EmailAddress)
        {
            if (string.IsNullOrWhiteSpace(facts.ConsentedEmail))
            {
                return "the consented email address is unknown";
            }

            return string.Equals(draft.Recipient.Trim(), facts.ConsentedEmail.Trim(), StringComparison.OrdinalIgnoreCase)
                ? null
                : "the recipient is not the address consent was given for";
        }

        if (string.IsNullOrWhiteSpace(facts.ConsentedPhone))
        {
            return "the consented phone number is unknown";
        }

        var recipient = E164(draft.Recipient);
        var consented = E164(facts.ConsentedPhone);
        if (recipient is null || consented is null)
        {
            return "the phone number is not a valid international (E.164) number";
        }

        return recipient == consented ? null : "the recipient is not the number consent was given for";
    }

    private static string? E164(string phone)
    {
        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var number = util.Parse(phone, null);
            return util.IsValidNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static string? AbsoluteUrl(string? url)
        => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    private static string ConsentHash(OutreachChannel channel, ChannelConsent consent, string? consentedAddress)
    {
        var canon = new StringBuilder();
        canon.Append("consent-v1\n").Append(Name(channel)).Append('\n')
            .Append(consent.Granted ? "granted" : "refused").Append('\n')
            .Append(consent.TextVersion).Append('\n')
            .Append(consent.GrantedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(consentedAddress?.Trim().ToLowerInvariant()).Append('\n')
            .Append(consent.Text);
        return Hashing.Sha256Hex(canon.ToString());
    }

    internal static string Name(OutreachChannel channel) => ChannelPolicy.TryFor(channel, out var policy) ? policy.Name : "unknown";
}
