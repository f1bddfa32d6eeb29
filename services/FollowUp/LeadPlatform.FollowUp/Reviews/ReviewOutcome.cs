using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>How a reviewer's decision ended: the review as stored now, and for an approval what the outreach road did with it.</summary>
internal sealed record ReviewOutcome(ReviewItem? Review, string? Problem = null, OutreachOutcome? Sending = null)
{
    public bool NotFound => Review is null;
}
