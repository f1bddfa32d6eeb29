using LeadPlatform.FollowUp.ComplianceCheck;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>The review queue over JSON: compliance officers and admins only.</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization(Policies.Review);
        api.MapGet("", async (ReviewService reviews, Audit.LeadAccessLog accessLog, HttpContext http, CancellationToken ct, string? status = ReviewStatus.Pending) =>
            {
                var items = await reviews.ListAsync(status == "all" ? null : status, ct);
                // The texts greet leads by name: each lead whose message is listed is recorded as read.
                foreach (var leadId in items.Select(r => r.LeadId).Distinct()) await accessLog.RecordAsync(leadId, http.User, Audit.LeadAccessKinds.Review, ct);
                return TypedResults.Ok(items.Select(ReviewView.From).ToList());
            })
            .WithName("ListReviews")
            .WithSummary("Messages held for review, the oldest first (status=pending by default; approved, rejected, blocked or all).");
        api.MapGet("/labels", async (ReviewService reviews, Audit.LeadAccessLog accessLog, HttpContext http, CancellationToken ct) =>
            {
                var (labels, leads) = await reviews.LabelsAsync(ct);
                // The texts are the leads' messages (their names replaced): each lead whose message is exported is recorded as read.
                foreach (var leadId in leads) await accessLog.RecordAsync(leadId, http.User, Audit.LeadAccessKinds.Review, ct);
                return TypedResults.Ok(labels);
            })
            .WithName("ReviewLabels")
            .WithSummary("Decided reviews as labelled texts for the claims screen's training (approved = honest, rejected = claim), in the claims corpus's shape; the lead's name is replaced.");
        api.MapGet("/{reviewId:guid}", async Task<Results<Ok<ReviewView>, ProblemHttpResult>> (Guid reviewId, ReviewService reviews, Audit.LeadAccessLog accessLog,
                HttpContext http, CancellationToken ct) =>
            {
                if (await reviews.GetAsync(reviewId, ct) is not { } r) return NoSuchReview();
                await accessLog.RecordAsync(r.LeadId, http.User, Audit.LeadAccessKinds.Review, ct);
                return TypedResults.Ok(ReviewView.From(r));
            })
            .WithName("GetReview").WithSummary("One held message, with what the screen found and the decision.");
        api.MapPost("/{reviewId:guid}/approve", (Guid reviewId, ReviewDecisionBody body, ReviewService reviews, HttpContext http) =>
                ApproveAsync(reviewId, body, edit: false, reviews, http))
            .WithName("ApproveReview")
            .WithSummary("Approves a held message and sends it: consent, opt-outs and quiet hours are checked again now; blocked now: 422 and not sent.");
        api.MapPost("/{reviewId:guid}/edit-and-approve", (Guid reviewId, ReviewDecisionBody body, ReviewService reviews, HttpContext http) =>
                ApproveAsync(reviewId, body, edit: true, reviews, http))
            .WithName("EditAndApproveReview")
            .WithSummary("Sends the reviewer's rewording of a held message instead (both texts are kept), checked like an approval.");
        api.MapPost("/{reviewId:guid}/reject", RejectAsync)
            .WithName("RejectReview")
            .WithSummary("Rejects a held message with a reason: nothing is sent, and the coordinator sees the reason on the lead.");
        return app;
    }

    internal static async Task<IResult> ApproveAsync(Guid reviewId, ReviewDecisionBody body, bool edit, ReviewService reviews, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Reason is { Length: > ReviewService.MaxReasonLength }) errors["reason"] = [$"At most {ReviewService.MaxReasonLength} characters."];
        ReviewText? edited = null;
        if (edit)
        {
            var review = await reviews.GetAsync(reviewId, http.RequestAborted);
            if (review is null) return NoSuchReview();
            var checks = DraftValidation.Check(review.Channel, body.Subject, body.Body, out var channel);
            foreach (var (field, messages) in checks) errors[field] = messages;
            var hasSubject = Compliance.ChannelPolicy.For(channel).HasSubject;
            if (hasSubject && string.IsNullOrWhiteSpace(body.Subject)) errors["subject"] = ["An email needs a subject."];
            edited = new ReviewText { Subject = hasSubject ? body.Subject?.Trim() : null, Body = body.Body ?? string.Empty };
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The decision is not valid");

        var outcome = await reviews.ApproveAsync(reviewId, Actor.For(http.User), body.Reason, edited, http.RequestAborted);
        if (outcome.NotFound) return NoSuchReview();
        if (outcome.Problem is { } problem) return AlreadyDecided(problem);
        var sending = outcome.Sending!;
        return sending.Kind switch
        {
            OutreachOutcomeKind.Blocked => BlockedNow(outcome),
            OutreachOutcomeKind.LeadNotFound => OutreachEndpoints.NoSuchLead(),
            OutreachOutcomeKind.Failed => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The channel did not accept the message",
                detail: sending.Problem ?? "Approved and cleared, but the channel did not accept it; it is recorded as failed.",
                extensions: new Dictionary<string, object?> { ["review"] = ReviewView.From(outcome.Review!) }),
            _ => TypedResults.Ok(new ReviewDecisionResult(ReviewView.From(outcome.Review!), OutreachResult.From(sending))),
        };
    }

    internal static async Task<IResult> RejectAsync(Guid reviewId, ReviewDecisionBody body, ReviewService reviews, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > ReviewService.MaxReasonLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Say why, in 1 to {ReviewService.MaxReasonLength} characters: the coordinator reads it."],
            }, title: "A reason is required to reject");
        }
        var outcome = await reviews.RejectAsync(reviewId, Actor.For(http.User), body.Reason, http.RequestAborted);
        if (outcome.NotFound) return NoSuchReview();
        if (outcome.Problem is { } problem) return AlreadyDecided(problem);
        return TypedResults.Ok(ReviewView.From(outcome.Review!));
    }

    private static ProblemHttpResult BlockedNow(ReviewOutcome outcome)
    {
        var decision = outcome.Sending!.Decision!;
        var extensions = new Dictionary<string, object?>
        {
            ["decision"] = decision.Decision,
            ["findings"] = decision.Violations.Select(FindingView.From).ToList(),
            ["evidenceId"] = outcome.Sending.Evidence?.EvidenceId,
            ["review"] = ReviewView.From(outcome.Review!),
        };
        if (decision.NextAllowedAt is { } next) extensions["nextAllowedAt"] = next;
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Approved, but blocked by the compliance check now: not sent",
            detail: string.Join(" ", decision.Violations.Select(v => v.Advice).Distinct()),
            extensions: extensions);
    }

    private static ProblemHttpResult AlreadyDecided(string problem) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already decided", detail: problem);

    internal static ProblemHttpResult NoSuchReview() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such review");
}
