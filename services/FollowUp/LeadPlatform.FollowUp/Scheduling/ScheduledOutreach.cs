using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>
/// An outreach the gate blocked only for timing (contact window or frequency limit), waiting for its moment. Its
/// <see cref="StoredDocument.Id"/> is the OutreachId the message carries when sent, so a second hand-over (a replica that
/// lost its lease, a restart) finds it already on the lead and sends nothing. The text is sealed at rest.
/// </summary>
public sealed class ScheduledOutreach : StoredDocument
{
    public Guid LeadId { get; set; }
    public string Status { get; set; } = ScheduledOutreachStatus.Scheduled;
    /// <summary><c>email</c>, <c>sms</c> or <c>phone</c>.</summary>
    public string Channel { get; set; } = "sms";
    public string? Language { get; set; }
    public string Author { get; set; } = string.Empty;
    public ReviewText Text { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The next allowed moment the gate named (UTC).</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>
    /// The moment after which the message is pointless (a consultation's reminder: its start): not sent when it is
    /// reached first, whether the scheduler fell behind or the contact rules kept moving it. Null: no such moment.
    /// </summary>
    public DateTimeOffset? SendBefore { get; set; }
    /// <summary>The rules that blocked it when it was scheduled (why it waits).</summary>
    public List<string> WaitingFor { get; set; } = [];
    /// <summary>The evidence record of the decision that scheduled it.</summary>
    public Guid ScheduledEvidenceId { get; set; }

    /// <summary>The replica that claimed it, until <see cref="LeaseUntil"/>; another may claim it after that.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Who cancelled it, or why it was not sent.</summary>
    public string? FinishedBy { get; set; }
    public string? Reason { get; set; }
}
