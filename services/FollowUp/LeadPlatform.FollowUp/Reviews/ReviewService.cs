using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>
/// A compliance officer's decisions on held messages. <b>Approve</b> sends it through the gate again with the
/// <see cref="ReviewApproval"/> (consent, opt-outs, quiet hours and disclaimers are judged at that moment; only the
/// review findings are accepted, and the evidence names the reviewer); a message the gate now blocks is not sent and
/// the review says why. <b>Edit and approve</b> sends the reviewer's text instead and keeps both. <b>Reject</b> returns
/// it to the coordinator with the reason. Each decision (who, when, why) is on the review and on the lead's timeline.
/// </summary>
internal sealed class ReviewService(IReviewStore reviews, ILeadStore leads, OutreachSender sender, TimeProvider time, ILogger<ReviewService> logger)
{
    public const int MaxReasonLength = 1000;
    public const int MaxList = 500;

    public Task<IReadOnlyList<ReviewItem>> ListAsync(string? status, CancellationToken cancellationToken) => reviews.ListAsync(status, MaxList, cancellationToken);

    public Task<ReviewItem?> GetAsync(Guid id, CancellationToken cancellationToken) => reviews.GetAsync(id, cancellationToken);

    /// <summary>The decided reviews (approved, blocked after approval, rejected; up to <see cref="MaxList"/> of each) as training labels (<see cref="ReviewLabels"/>).</summary>
    /// <returns>The labels, and the leads whose messages they are (for the access log: the labels themselves name no lead).</returns>
    public async Task<(ReviewLabelSet Labels, IReadOnlyList<Guid> Leads)> LabelsAsync(CancellationToken cancellationToken)
    {
        var decided = new List<ReviewItem>();
        foreach (var status in new[] { ReviewStatus.Approved, ReviewStatus.Blocked, ReviewStatus.Rejected })
        {
            decided.AddRange(await reviews.ListAsync(status, MaxList, cancellationToken));
        }

        var people = new Dictionary<Guid, Contracts.PersonDetails?>();
        foreach (var leadId in decided.Select(r => r.LeadId).Distinct())
        {
            people[leadId] = (await leads.GetAsync(leadId, cancellationToken))?.Person;
        }

        return (ReviewLabels.From(decided, id => people.GetValueOrDefault(id), time.GetUtcNow()), [.. people.Keys]);
    }

    public Task<IReadOnlyList<ReviewItem>> ForLeadAsync(Guid leadId, CancellationToken cancellationToken) => reviews.ForLeadAsync(leadId, 50, cancellationToken);

    /// <param name="edited">Edit and approve: the reviewer's text (the draft is kept); null: approve the draft as written.</param>
    public async Task<ReviewOutcome> ApproveAsync(Guid id, string reviewer, string? note, ReviewText? edited, CancellationToken cancellationToken)
    {
        var review = await reviews.GetAsync(id, cancellationToken);
        if (review is null) return new ReviewOutcome(null);
        if (review.Status != ReviewStatus.Pending) return new ReviewOutcome(review, $"This message was already decided: {review.Status} by {review.DecidedBy}.");
        ChannelNames.TryParse(review.Channel, out var channel);
        var text = edited ?? review.Draft;
        var approvedAt = time.GetUtcNow();
        var sending = await sender.SendAsync(review.LeadId, new OutreachRequest
        {
            Channel = channel,
            Subject = text.Subject,
            Body = text.Body,
            Author = review.Author,
            Language = review.Language,
            OutreachId = review.Id,
            Approval = new ReviewApproval { ReviewId = review.Id, Reviewer = reviewer, ApprovedAt = approvedAt, Note = note },
        }, cancellationToken);

        if (sending.Kind == OutreachOutcomeKind.AlreadyHandled)
        {
            return new ReviewOutcome(await reviews.GetAsync(id, cancellationToken) ?? review, "This message was already approved and sent.");
        }
        var blocked = sending.Kind == OutreachOutcomeKind.Blocked;
        var reasons = blocked ? sending.Decision!.Violations.Select(v => v.Advice).Distinct().ToList() : [];
        var onlyTiming = blocked && sending.Decision!.NextAllowedAt is not null;
        var stored = await UpdateAsync(id, r =>
        {
            if (r.Status != ReviewStatus.Pending) return false;
            if (edited is not null) r.Edited = edited;
            r.BlockedReasons = reasons;
            r.NextAllowedAt = onlyTiming ? sending.Decision!.NextAllowedAt : null;
            if (onlyTiming) return true; // stays pending: it may be approved again once quiet hours or the cap allow
            r.Status = blocked ? ReviewStatus.Blocked : ReviewStatus.Approved;
            r.DecidedBy = reviewer;
            r.DecidedAt = approvedAt;
            r.Reason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            r.DecisionEvidenceId = sending.Evidence?.EvidenceId ?? sending.Record?.EvidenceId;
            return true;
        }, cancellationToken);

        var summary = blocked
            ? $"Review approved by {reviewer} but the compliance check blocked the message at that moment: {string.Join(" ", reasons)}" + (onlyTiming ? " It stays in the review queue." : " It was not sent.")
            : $"Message held for review {(edited is null ? "approved" : "edited and approved")} by {reviewer}" + (string.IsNullOrWhiteSpace(note) ? string.Empty : $": {note.Trim()}");
        await RecordAsync(review.LeadId, new TimelineEntry
        {
            At = approvedAt,
            Kind = blocked ? TimelineKind.ReviewBlocked : TimelineKind.ReviewApproved,
            Summary = summary,
            Actor = reviewer,
            Details = Details(review, note, sending.Evidence?.EvidenceId ?? sending.Record?.EvidenceId),
        }, cancellationToken);
        logger.LogInformation("Review {ReviewId} for lead {LeadId}: approved ({Edited}), outreach {Outcome}",
            id, review.LeadId, edited is null ? "as written" : "edited", sending.Kind);
        return new ReviewOutcome(stored ?? review, null, sending);
    }

    public async Task<ReviewOutcome> RejectAsync(Guid id, string reviewer, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string? problem = null;
        // An approval being sent right now has recorded its outreach first: it is no longer anyone's to reject.
        if (await reviews.GetAsync(id, cancellationToken) is { } current && await leads.GetAsync(current.LeadId, cancellationToken) is { } lead
            && lead.Outreach.Exists(o => o.Id == id))
        {
            return new ReviewOutcome(current, "This message was already approved and sent.");
        }
        var stored = await UpdateAsync(id, r =>
        {
            if (r.Status != ReviewStatus.Pending) { problem = $"This message was already decided: {r.Status} by {r.DecidedBy}."; return false; }
            r.Status = ReviewStatus.Rejected;
            r.DecidedBy = reviewer;
            r.DecidedAt = now;
            r.Reason = reason.Trim();
            return true;
        }, cancellationToken);
        if (stored is null || problem is not null) return new ReviewOutcome(stored, problem);
        await RecordAsync(stored.LeadId, new TimelineEntry
        {
            At = now,
            Kind = TimelineKind.ReviewRejected,
            Summary = $"Message held for review rejected by {reviewer}, not sent: {reason.Trim()}",
            Actor = reviewer,
            Details = Details(stored, reason, null),
        }, cancellationToken);
        logger.LogInformation("Review {ReviewId} for lead {LeadId} rejected", id, stored.LeadId);
        return new ReviewOutcome(stored);
    }

    private static Dictionary<string, string> Details(ReviewItem review, string? reason, Guid? evidenceId)
    {
        var details = new Dictionary<string, string>
        {
            ["reviewId"] = review.Id.ToString("D"),
            ["channel"] = review.Channel,
            ["author"] = review.Author,
        };
        if (!string.IsNullOrWhiteSpace(reason)) details["reason"] = reason.Trim();
        if (evidenceId is { } e) details["evidenceId"] = e.ToString("D");
        return details;
    }

    /// <summary>The review as written (or as found, when <paramref name="apply"/> had nothing to do); null when there is none.</summary>
    private async Task<ReviewItem?> UpdateAsync(Guid id, Func<ReviewItem, bool> apply, CancellationToken cancellationToken) =>
        (await reviews.UpdateAsync(id, apply, cancellationToken)).Document;

    private Task RecordAsync(Guid leadId, TimelineEntry entry, CancellationToken cancellationToken) =>
        leads.UpdateAsync(leadId, lead =>
        {
            lead.Record(entry);
            return true;
        }, cancellationToken);
}
