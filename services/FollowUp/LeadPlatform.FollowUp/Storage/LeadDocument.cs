using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// A lead as follow-up knows it (its id is the lead id): contact data and consent on file (from its first request: a
/// repeat submission never replaces them), every submission beside the others, the consent history, links to leads that
/// may be the same person, its
/// tasks, its timeline, its outreach and the evidence ledger of every compliance decision taken for it. Events may arrive
/// in any order; each handler is idempotent.
/// </summary>
public sealed class LeadDocument : StoredDocument
{
    public LeadStatus Status { get; set; } = LeadStatus.New;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public PersonDetails? Person { get; set; }
    public InquiryDetails? Inquiry { get; set; }
    public ConsentSnapshot? Consent { get; set; }
    public string? Tier { get; set; }
    public int? Score { get; set; }
    /// <summary>Clinical appropriateness flags of the latest qualification: shown to coordinators, never a silent drop.</summary>
    public List<string> Flags { get; set; } = [];
    public List<Guid> QuoteRequestIds { get; set; } = [];
    public List<FollowUpTask> Tasks { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];
    /// <summary>Channels the lead opted out of (email, sms, phone, or all).</summary>
    public List<string> OptOuts { get; set; } = [];
    /// <summary>The earliest due time of an open task, or null: the queue's sort key, derived from <see cref="Tasks"/>.</summary>
    public DateTimeOffset? NextDueAt { get; set; }
    /// <summary>
    /// The earliest due time of an open task not yet escalated, or null: what the overdue search looks at, derived from
    /// <see cref="Tasks"/> (escalated tasks stay in <see cref="NextDueAt"/> but never hold up the search).
    /// </summary>
    public DateTimeOffset? NextEscalationAt { get; set; }
    /// <summary>
    /// The earliest due time of an open task nobody is assigned, or null: what the backlog hand-out looks at, derived from
    /// <see cref="Tasks"/>, so that it reads only the leads with unassigned work.
    /// </summary>
    public DateTimeOffset? NextUnassignedDueAt { get; set; }
    /// <summary>
    /// The earliest assignment (or creation) time of an open tier-A task that is assigned, not re-offered yet and not met by
    /// a coordinator's contact, or null: what the re-offer check looks at, derived from <see cref="Tasks"/>, so that it reads
    /// only the leads whose tier-A task may have waited too long.
    /// </summary>
    public DateTimeOffset? TierAAssignedSince { get; set; }
    /// <summary>
    /// Which derivation wrote the due times above (<see cref="CurrentDueTimesVersion"/>): a lead written by an older version
    /// lacks <see cref="NextUnassignedDueAt"/> and <see cref="TierAAssignedSince"/> and has them derived once, at the
    /// assignment watch's first check (<see cref="Tasks.TaskAssignment.RefreshStaleDueTimesAsync"/>).
    /// </summary>
    public int DueTimesVersion { get; set; }
    /// <summary>Outreach the gate cleared, oldest first.</summary>
    public List<OutreachRecord> Outreach { get; set; } = [];
    /// <summary>
    /// The evidence ledger: one record per gate decision for a real send, cleared or blocked, hash-chained in order.
    /// Append-only: only <see cref="AppendEvidence"/> adds to it, and nothing changes or removes a record.
    /// </summary>
    public List<EvidenceRecord> Evidence { get; set; } = [];
    /// <summary>Calls a coordinator logged, oldest first.</summary>
    public List<CallRecord> Calls { get; set; } = [];
    /// <summary>The texts of drafts the gate blocked or held, by evidence id (sealed at rest; for the compliance officer).</summary>
    public List<WithheldDraft> WithheldDrafts { get; set; } = [];
    /// <summary>Every submission of the lead, oldest first, each as it came.</summary>
    public List<SubmissionRecord> Submissions { get; set; } = [];
    /// <summary>Decisions that arrived before their submission; each moves onto its submission when that arrives.</summary>
    public List<EarlyDecision> EarlyDecisions { get; set; } = [];
    /// <summary>Every consent statement, per channel, in the order given (append-only).</summary>
    public List<ConsentRecord> ConsentHistory { get; set; } = [];
    /// <summary>Leads that may be the same person, with what matched and what a coordinator decided.</summary>
    public List<LeadLink> PossibleSamePeople { get; set; } = [];
    /// <summary>The lead this one was merged into, or null: from then on everything for this lead goes to that one.</summary>
    public Guid? MergedInto { get; set; }
    /// <summary>The leads merged into this one.</summary>
    public List<Guid> MergedFrom { get; set; } = [];
    /// <summary>When the lead's personal data was erased on request; from then on it holds none, and gets none again.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Consultations booked for the lead, oldest first (a rescheduled one changes in place; its id is the invite's UID).</summary>
    public List<Consultations.Consultation> Consultations { get; set; } = [];
    /// <summary>Why the lead was closed as lost (<see cref="Consultations.LostReasons"/>), and the text of "other"; null otherwise.</summary>
    public string? LostReason { get; set; }
    public string? LostReasonText { get; set; }
    /// <summary>Corrections of the phone or email by a coordinator, oldest first.</summary>
    public List<Consultations.ContactCorrection> ContactCorrections { get; set; } = [];
    /// <summary>What consent was given for when a correction changed the person's phone or email; null: nothing corrected.</summary>
    public Consultations.ConsentedContact? ConsentedContact { get; set; }

    public static LeadDocument New(Guid leadId, DateTimeOffset now) => new() { Id = leadId, CreatedAt = now, UpdatedAt = now };

    /// <summary>
    /// Links the gate's record after the last one and appends it. Its decision time is stored to the millisecond (as
    /// BSON keeps it) before it is hashed, so the record reads back exactly as hashed.
    /// </summary>
    public EvidenceRecord AppendEvidence(EvidenceRecord record)
    {
        var linked = EvidenceChain.Link(record with { DecidedAt = StoredTime.Truncate(record.DecidedAt) }, Evidence.Count == 0 ? null : Evidence[^1]);
        Evidence.Add(linked);
        return linked;
    }

    /// <summary>Appends a submission's consent, one record per channel, to the history (nothing in it is ever replaced).</summary>
    public void AppendConsent(ConsentSnapshot consent, DateTimeOffset at, string source, Guid? quoteRequestId, Guid leadId, bool onFile)
    {
        foreach (var (channel, c) in new[] { ("email", consent.Email), ("sms", consent.Sms), ("phone", consent.Phone) })
        {
            if (quoteRequestId is not null && ConsentHistory.Exists(r => r.QuoteRequestId == quoteRequestId && r.Channel == channel)) continue;
            ConsentHistory.Add(new ConsentRecord
            {
                At = c.GrantedAt ?? at, Channel = channel, Granted = c.Granted, Text = c.Text, TextVersion = c.TextVersion,
                Source = source, QuoteRequestId = quoteRequestId, LeadId = leadId, OnFile = onFile,
            });
        }
    }

    /// <summary>
    /// Links another lead that may be the same person (what matched is added to an open link). A link a coordinator
    /// decided (kept apart, merged) stays decided. False when nothing changed.
    /// </summary>
    public bool LinkPossibleSamePerson(Guid otherLeadId, IEnumerable<string> matched, DateTimeOffset at)
    {
        if (otherLeadId == Id) return false;
        if (PossibleSamePeople.Find(l => l.LeadId == otherLeadId) is { } existing)
        {
            if (existing.Status != LinkStatus.Open) return false;
            var added = matched.Except(existing.Matched).ToList();
            existing.Matched.AddRange(added);
            return added.Count > 0;
        }
        PossibleSamePeople.Add(new LeadLink { LeadId = otherLeadId, Matched = [.. matched.Distinct()], Since = at });
        return true;
    }

    /// <summary>Links still waiting for a coordinator's decision.</summary>
    /// <summary>
    /// Records qualification's decision on the submission of <paramref name="quoteRequestId"/>, or keeps it until that
    /// submission arrives (see <see cref="EarlyDecisions"/>).
    /// </summary>
    public void RecordDecision(Guid quoteRequestId, string decision, string? tier = null, int? score = null)
    {
        if (Submissions.Find(s => s.QuoteRequestId == quoteRequestId) is { } submission)
            (submission.Decision, submission.Tier, submission.Score) = (decision, tier, score);
        else if (ErasedAt is null && !EarlyDecisions.Exists(d => d.QuoteRequestId == quoteRequestId))
            EarlyDecisions.Add(new EarlyDecision { QuoteRequestId = quoteRequestId, Decision = decision, Tier = tier, Score = score });
    }

    /// <summary>Gives a newly recorded submission the decision that arrived before it, if one did.</summary>
    public void ApplyEarlyDecision(SubmissionRecord submission)
    {
        if (EarlyDecisions.Find(d => d.QuoteRequestId == submission.QuoteRequestId) is not { } early) return;
        (submission.Decision, submission.Tier, submission.Score) = (early.Decision, early.Tier, early.Score);
        EarlyDecisions.Remove(early);
    }

    public IEnumerable<LeadLink> OpenLinks() => PossibleSamePeople.Where(l => l.Status == LinkStatus.Open);

    public void Record(TimelineEntry entry)
    {
        Timeline.Add(entry);
        UpdatedAt = entry.At;
        RefreshDueTimes();
    }

    /// <summary>The version of <see cref="RefreshDueTimes"/> (2: the unassigned and tier-A times were added).</summary>
    public const int CurrentDueTimesVersion = 2;

    /// <summary>
    /// Derives <see cref="NextDueAt"/>, <see cref="NextEscalationAt"/>, <see cref="NextUnassignedDueAt"/> and
    /// <see cref="TierAAssignedSince"/> from the tasks (and the outreach that met them).
    /// </summary>
    public void RefreshDueTimes()
    {
        NextDueAt = Tasks.Where(t => t.Status == FollowUpTaskStatus.Open).Select(t => (DateTimeOffset?)t.DueAt).Min();
        NextEscalationAt = Tasks.Where(t => t.Status == FollowUpTaskStatus.Open && t.EscalatedAt is null && !WasContactedFor(t)).Select(t => (DateTimeOffset?)t.DueAt).Min();
        NextUnassignedDueAt = Tasks.Where(t => t.Status == FollowUpTaskStatus.Open && t.AssignedTo is null).Select(t => (DateTimeOffset?)t.DueAt).Min();
        TierAAssignedSince = Tasks.Where(IsUnopenedTierACandidate).Select(t => (DateTimeOffset?)(t.AssignedAt ?? t.CreatedAt)).Min();
        DueTimesVersion = CurrentDueTimesVersion;
    }

    /// <summary>An open tier-A task that is assigned, was not re-offered yet and that no coordinator's contact met: a re-offer candidate once it waited long enough.</summary>
    public bool IsUnopenedTierACandidate(FollowUpTask task) =>
        task.Status == FollowUpTaskStatus.Open && task.Tier == "A" && task.AssignedTo is not null && task.ReofferedAt is null && !WasContactedFor(task);

    /// <summary>Whether a coordinator's outreach to the lead went out since the task was created: its SLA is met.</summary>
    public bool WasContactedFor(FollowUpTask task) => Outreach.Exists(o =>
        o.Kind == OutreachKinds.Coordinator && o.Status == OutreachStatus.Sent && (o.ReadConfirmedAt ?? o.SentAt ?? o.CreatedAt) >= task.CreatedAt);
}
