namespace LeadPlatform.FollowUp.Reviews;

/// <summary>
/// A reviewer's decision: <c>reason</c> (required to reject, optional note to approve); for edit-and-approve the
/// <c>body</c> (and for email the <c>subject</c>) to send instead of the draft.
/// </summary>
public sealed class ReviewDecisionBody
{
    public string? Reason { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
}
