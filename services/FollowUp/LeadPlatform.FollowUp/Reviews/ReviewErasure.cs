namespace LeadPlatform.FollowUp.Reviews;

/// <summary>
/// A lead's erasure reaches its held messages: their texts and matched words go, and one still waiting leaves the queue
/// (rejected: nothing can be sent to an erased lead). Who decided what, and when, stays.
/// </summary>
internal static class ReviewErasure
{
    public static async Task EraseAsync(IReviewStore reviews, Guid leadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var review in await reviews.ForLeadAsync(leadId, 1000, cancellationToken))
        {
            if (review.Draft.Body == Privacy.LeadErasureConsumer.Erased) continue;
            review.Draft = new ReviewText { Body = Privacy.LeadErasureConsumer.Erased };
            if (review.Edited is not null) review.Edited = new ReviewText { Body = Privacy.LeadErasureConsumer.Erased };
            foreach (var finding in review.Findings) finding.Match = null;
            if (review.Status == ReviewStatus.Pending)
            {
                review.Status = ReviewStatus.Rejected;
                review.DecidedBy = "system";
                review.DecidedAt = now;
                review.Reason = "The lead's personal data was erased.";
            }
            await reviews.ReplaceAsync(review, cancellationToken); // a conflict lets the caller retry
        }
    }
}
