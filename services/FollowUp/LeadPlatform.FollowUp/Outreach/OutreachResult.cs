using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.ComplianceCheck;
using LeadPlatform.FollowUp.Disclaimers;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// The answer to <c>POST /api/v1/leads/{leadId}/outreach</c> for email and SMS (202): <c>status</c> is <c>sent</c>,
/// <c>held_for_review</c> (a compliance officer decides; <c>reviewId</c> names it, and <c>outreachId</c> is the id the
/// message will carry if approved) or, later, <c>scheduled</c>. <c>decision</c> and <c>findings</c> are the gate's;
/// <c>disclaimers</c> those attached (or to be attached). A blocked message answers 422 with the same <c>decision</c>
/// and <c>findings</c>.
/// </summary>
public sealed record OutreachResult(
    Guid OutreachId,
    string Status,
    string Decision,
    IReadOnlyList<FindingView> Findings,
    IReadOnlyList<DisclaimerView> Disclaimers,
    Guid EvidenceId,
    Guid? ReviewId,
    string Channel,
    string? Subject,
    string? Message,
    IReadOnlyList<string> DisclaimerVersions,
    string? ApprovedBy,
    DateTimeOffset? ScheduledFor = null,
    IReadOnlyList<ContactLocalTime>? ScheduledForLocal = null)
{
    public const string Sent = "sent";
    public const string HeldForReview = "held_for_review";
    public const string Scheduled = "scheduled";

    /// <summary>Blocked now only for timing, and scheduled: the gate's findings say what it waits for.</summary>
    internal static OutreachResult ScheduledFrom(OutreachOutcome blocked, Scheduling.ScheduledOutreach item)
    {
        var d = blocked.Decision!;
        return new OutreachResult(item.Id, Scheduled, d.Decision, [.. d.Violations.Select(FindingView.From)],
            [.. d.Disclaimers.Select(DisclaimerView.From)], blocked.Evidence!.EvidenceId, null, item.Channel,
            d.Subject, d.Message, [.. d.Disclaimers.Select(x => $"{x.Id}@{x.Version}")], null, item.DueAt, d.NextAllowedLocal);
    }

    internal static OutreachResult From(OutreachOutcome outcome)
    {
        if (outcome.Kind == OutreachOutcomeKind.HeldForReview)
        {
            var d = outcome.Decision!;
            return new OutreachResult(outcome.ReviewId!.Value, HeldForReview, d.Decision, [.. d.Violations.Select(FindingView.From)],
                [.. d.Disclaimers.Select(DisclaimerView.From)], outcome.Evidence!.EvidenceId, outcome.ReviewId, outcome.Evidence.Channel,
                d.Subject, d.Message, [.. d.Disclaimers.Select(x => $"{x.Id}@{x.Version}")], null);
        }

        var r = outcome.Record!;
        IReadOnlyList<DisclaimerView> disclaimers = outcome.Cleared is { } c ? [.. c.Disclaimers.Select(DisclaimerView.From)] : [];
        return new OutreachResult(r.Id, r.Status.Name(), ComplianceDecision.ClearedValue, [], disclaimers, r.EvidenceId, r.ReviewId, r.Channel,
            r.Subject, r.Message, r.DisclaimerVersions, r.ReviewedBy);
    }
}
