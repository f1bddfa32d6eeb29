using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// A lead as follow-up knows it (its id is the lead id): contact data and consent from the latest request, its
/// tasks, its timeline, its outreach and the evidence ledger of every compliance decision taken for it. Events may arrive
/// in any order; each handler is idempotent.
/// </summary>
public sealed class LeadDocument : StoredDocument
{
    public string Status { get; set; } = LeadStatus.New;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public PersonDetails? Person { get; set; }
    public InquiryDetails? Inquiry { get; set; }
    public ConsentSnapshot? Consent { get; set; }
    public string? Tier { get; set; }
    public int? Score { get; set; }
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
    /// <summary>Outreach the gate cleared, oldest first.</summary>
    public List<OutreachRecord> Outreach { get; set; } = [];
    /// <summary>
    /// The evidence ledger: one record per gate decision for a real send, cleared or blocked, hash-chained in order.
    /// Append-only: only <see cref="AppendEvidence"/> adds to it, and nothing changes or removes a record.
    /// </summary>
    public List<EvidenceRecord> Evidence { get; set; } = [];

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

    public void Record(TimelineEntry entry)
    {
        Timeline.Add(entry);
        UpdatedAt = entry.At;
        RefreshDueTimes();
    }

    /// <summary>Derives <see cref="NextDueAt"/> and <see cref="NextEscalationAt"/> from the tasks (and the outreach that met them).</summary>
    public void RefreshDueTimes()
    {
        NextDueAt = Tasks.Where(t => t.Status == "open").Select(t => (DateTimeOffset?)t.DueAt).Min();
        NextEscalationAt = Tasks.Where(t => t.Status == "open" && t.EscalatedAt is null && !WasContactedFor(t)).Select(t => (DateTimeOffset?)t.DueAt).Min();
    }

    /// <summary>Whether a coordinator's outreach to the lead went out since the task was created: its SLA is met.</summary>
    public bool WasContactedFor(FollowUpTask task) => Outreach.Exists(o =>
        o.Kind == OutreachKinds.Coordinator && o.Status == OutreachStatus.Sent && (o.ReadConfirmedAt ?? o.SentAt ?? o.CreatedAt) >= task.CreatedAt);
}
