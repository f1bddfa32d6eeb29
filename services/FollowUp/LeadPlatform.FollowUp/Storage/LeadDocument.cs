using LeadPlatform.Contracts;
using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// A lead as follow-up knows it (its id is the lead id): contact data and consent from the latest request, its
/// tasks, and its timeline. Events may arrive in any order; each handler is idempotent.
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

    public static LeadDocument New(Guid leadId, DateTimeOffset now) => new() { Id = leadId, CreatedAt = now, UpdatedAt = now };

    public void Record(TimelineEntry entry)
    {
        Timeline.Add(entry);
        UpdatedAt = entry.At;
        NextDueAt = Tasks.Where(t => t.Status == "open").Select(t => (DateTimeOffset?)t.DueAt).Min();
    }
}
