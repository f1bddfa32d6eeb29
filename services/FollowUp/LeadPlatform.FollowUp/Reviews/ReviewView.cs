using LeadPlatform.FollowUp.ComplianceCheck;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>
/// A held message as the review queue shows it: the text as written (and the reviewer's edit, if any), the lead's
/// language and channel, what the screen found (each finding with its match, source and nearest exemplar), and the
/// decision: who, when, why, and what the gate said at approval time.
/// </summary>
public sealed record ReviewView(
    Guid ReviewId,
    Guid LeadId,
    string Status,
    string Channel,
    string Language,
    string Condition,
    string Author,
    DateTimeOffset CreatedAt,
    string? Subject,
    string Body,
    string? EditedSubject,
    string? EditedBody,
    IReadOnlyList<FindingView> Findings,
    IReadOnlyList<string> ApprovedContent,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason,
    Guid? OutreachId,
    Guid HeldEvidenceId,
    Guid? DecisionEvidenceId,
    IReadOnlyList<string> BlockedReasons,
    DateTimeOffset? NextAllowedAt)
{
    public static ReviewView From(ReviewItem r) => new(
        r.Id, r.LeadId, r.Status, r.Channel, r.Language, r.Condition, r.Author, r.CreatedAt, r.Draft.Subject, r.Draft.Body,
        r.Edited?.Subject, r.Edited?.Body, [.. r.Findings.Select(FindingView.From)], r.ApprovedContent, r.DecidedBy, r.DecidedAt, r.Reason,
        r.Status == ReviewStatus.Approved ? r.Id : null, r.HeldEvidenceId, r.DecisionEvidenceId, r.BlockedReasons, r.NextAllowedAt);
}
