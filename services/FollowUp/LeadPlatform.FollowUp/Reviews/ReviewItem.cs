using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>
/// A message the compliance gate held for a person's review instead of sending it. Its id is the OutreachId the
/// message will carry if it is approved and sent. The texts are sealed at rest like an outreach's; the decision (who,
/// when, why) is kept with it and on the lead's timeline.
/// </summary>
public sealed class ReviewItem : StoredDocument
{
    public Guid LeadId { get; set; }
    public string Status { get; set; } = ReviewStatus.Pending;
    /// <summary><c>email</c> or <c>sms</c>.</summary>
    public string Channel { get; set; } = "email";
    public string Language { get; set; } = "en";
    public string Condition { get; set; } = string.Empty;
    /// <summary>The coordinator who wrote it.</summary>
    public string Author { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The text as the coordinator wrote it.</summary>
    public ReviewText Draft { get; set; } = new();
    /// <summary>An edit-and-approve: the text the reviewer approved instead (the draft is kept).</summary>
    public ReviewText? Edited { get; set; }
    /// <summary>What the screen found when it was held.</summary>
    public List<ReviewFinding> Findings { get; set; } = [];
    /// <summary>The evidence record of the decision that held it.</summary>
    public Guid HeldEvidenceId { get; set; }
    /// <summary>Pre-approved content the draft was made from (<c>template:{id}@{revision}</c>).</summary>
    public List<string> ApprovedContent { get; set; } = [];

    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>The reviewer's reason (required to reject; optional to approve).</summary>
    public string? Reason { get; set; }
    /// <summary>When approved: the evidence record of the gate's decision at approval time.</summary>
    public Guid? DecisionEvidenceId { get; set; }
    /// <summary>Why the gate refused it at approval time (blocked, or pending again for timing).</summary>
    public List<string> BlockedReasons { get; set; } = [];
    /// <summary>When the gate refused it at approval time only for quiet hours or the frequency cap: the earliest it may go.</summary>
    public DateTimeOffset? NextAllowedAt { get; set; }

    /// <summary>The text that is (or would be) sent: the edit if there is one, else the draft.</summary>
    public ReviewText Final => Edited ?? Draft;
}
