using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>An approval that went through: the review as decided, and the outreach as sent (same shape as a coordinator's send).</summary>
public sealed record ReviewDecisionResult(ReviewView Review, OutreachResult Outreach);
