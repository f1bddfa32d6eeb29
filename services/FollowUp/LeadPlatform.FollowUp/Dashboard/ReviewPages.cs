using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>The compliance officers' pages: the review queue, one held message with its decisions, and the disclaimer matrix.</summary>
internal static class ReviewPages
{
    public static IEndpointRouteBuilder MapReviewPages(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/dashboard").ExcludeFromDescription().RequireAuthorization(Policies.Review);
        review.MapGet("/reviews", ListAsync);
        review.MapGet("/reviews/{reviewId:guid}", async (Guid reviewId, HttpContext http, ReviewService reviews, ILeadStore leads, Audit.LeadAccessLog accessLog,
            CancellationToken ct, string? notice = null) =>
        {
            if (await reviews.GetAsync(reviewId, ct) is not { } r) return NoSuchReview(http);
            await accessLog.RecordAsync(r.LeadId, http.User, Audit.LeadAccessKinds.Review, ct);
            return DashboardEndpoints.Page<ReviewPage>(new ReviewPageModel { User = http.User, Review = r, Lead = await leads.GetAsync(r.LeadId, ct), Notice = Notice(notice) });
        });
        review.MapPost("/reviews/{reviewId:guid}/approve", (Guid reviewId, HttpContext http, ReviewService reviews, ILeadStore leads, [FromForm] string? reason) =>
                ApproveAsync(reviewId, http, reviews, leads, reason, null))
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        review.MapPost("/reviews/{reviewId:guid}/edit-and-approve", (Guid reviewId, HttpContext http, ReviewService reviews, ILeadStore leads,
                [FromForm] string? reason, [FromForm] string? subject, [FromForm] string? body) =>
                ApproveAsync(reviewId, http, reviews, leads, reason, new ReviewText { Subject = subject, Body = body ?? string.Empty }))
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        review.MapPost("/reviews/{reviewId:guid}/reject", RejectAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        review.MapGet("/disclaimers", async (HttpContext http, DisclaimerMatrix matrix, Disclaimers.DisclaimerApprovals approvals, CancellationToken ct, string? approved = null) =>
            DashboardEndpoints.Page<DisclaimersPage>(new DisclaimersPageModel
            {
                User = http.User, Matrix = matrix.Build(), Approved = approved,
                Approvals = (await approvals.ListAsync(ct)).ToDictionary(a => a.Disclaimer, StringComparer.Ordinal),
            }));
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ReviewService reviews, ILeadStore leads, CancellationToken ct, string? status = null, string? notice = null)
    {
        var shown = status is ReviewStatus.Approved or ReviewStatus.Rejected or ReviewStatus.Blocked or "all" ? status : ReviewStatus.Pending;
        var items = await reviews.ListAsync(shown == "all" ? null : shown, ct);
        var names = new Dictionary<Guid, string>();
        foreach (var leadId in items.Select(r => r.LeadId).Distinct())
        {
            names[leadId] = await leads.GetAsync(leadId, ct) is { } lead ? DashboardQueries.NameOf(lead) : "(lead not found)";
        }
        return DashboardEndpoints.Page<ReviewsPage>(new ReviewsPageModel { User = http.User, Reviews = items, Names = names, Status = shown, Notice = Notice(notice) });
    }

    private static string? Notice(string? code) => code switch
    {
        "approved" => "Approved and sent: the lead's evidence names you as the reviewer.",
        "rejected" => "Rejected: the coordinator sees your reason on the lead's page.",
        _ => null,
    };

    private static async Task<IResult> ApproveAsync(Guid reviewId, HttpContext http, ReviewService reviews, ILeadStore leads, string? reason, ReviewText? edited)
    {
        var ct = http.RequestAborted;
        var review = await reviews.GetAsync(reviewId, ct);
        if (review is null) return NoSuchReview(http);
        string? problem = reason is { Length: > ReviewService.MaxReasonLength } ? $"The note is longer than {ReviewService.MaxReasonLength} characters." : null;
        if (edited is not null && problem is null)
        {
            var errors = DraftValidation.Check(review.Channel, edited.Subject, edited.Body, out var channel);
            if (ChannelPolicy.For(channel).HasSubject && string.IsNullOrWhiteSpace(edited.Subject)) errors["subject"] = ["An email needs a subject."];
            if (errors.Count > 0) problem = string.Join(" ", errors.SelectMany(e => e.Value));
            edited.Subject = ChannelPolicy.For(channel).HasSubject ? edited.Subject?.Trim() : null;
        }
        if (problem is not null)
        {
            return DashboardEndpoints.Page<ReviewPage>(new ReviewPageModel { User = http.User, Review = review, Lead = await leads.GetAsync(review.LeadId, ct), Problem = problem },
                StatusCodes.Status400BadRequest);
        }

        var outcome = await reviews.ApproveAsync(reviewId, Actor.For(http.User), reason, edited, ct);
        if (outcome.NotFound) return NoSuchReview(http);
        var lead = await leads.GetAsync(review.LeadId, ct);
        if (outcome.Problem is { } decided)
            return DashboardEndpoints.Page<ReviewPage>(new ReviewPageModel { User = http.User, Review = outcome.Review!, Lead = lead, Problem = decided }, StatusCodes.Status409Conflict);
        var sending = outcome.Sending!;
        return sending.Kind switch
        {
            OutreachOutcomeKind.Blocked => DashboardEndpoints.Page<ReviewPage>(new ReviewPageModel
            {
                User = http.User, Review = outcome.Review!, Lead = lead,
                Problem = "Not sent: the compliance check blocks this message now. " + string.Join(" ", sending.Decision!.Violations.Select(v => v.Advice).Distinct())
                          + (sending.Decision.NextAllowedAt is { } next ? $" It can go from {next:u}; it stays in the queue." : string.Empty),
            }, StatusCodes.Status422UnprocessableEntity),
            OutreachOutcomeKind.Failed => DashboardEndpoints.Page<ReviewPage>(new ReviewPageModel
            {
                User = http.User, Review = outcome.Review!, Lead = lead, Problem = sending.Problem ?? "Approved, but the channel did not accept the message; it is recorded as failed.",
            }, StatusCodes.Status502BadGateway),
            _ => Results.Redirect("/dashboard/reviews?notice=approved"),
        };
    }

    private static async Task<IResult> RejectAsync(Guid reviewId, HttpContext http, ReviewService reviews, ILeadStore leads, [FromForm] string? reason)
    {
        var ct = http.RequestAborted;
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReviewService.MaxReasonLength)
        {
            var review = await reviews.GetAsync(reviewId, ct);
            if (review is null) return NoSuchReview(http);
            return DashboardEndpoints.Page<ReviewPage>(new ReviewPageModel
            {
                User = http.User, Review = review, Lead = await leads.GetAsync(review.LeadId, ct),
                Problem = $"Say why you reject it (1 to {ReviewService.MaxReasonLength} characters): the coordinator reads it.",
            }, StatusCodes.Status400BadRequest);
        }
        var outcome = await reviews.RejectAsync(reviewId, Actor.For(http.User), reason, ct);
        if (outcome.NotFound) return NoSuchReview(http);
        if (outcome.Problem is { } problem)
        {
            return DashboardEndpoints.Page<ReviewPage>(new ReviewPageModel { User = http.User, Review = outcome.Review!, Lead = await leads.GetAsync(outcome.Review!.LeadId, ct), Problem = problem },
                StatusCodes.Status409Conflict);
        }
        return Results.Redirect("/dashboard/reviews?notice=rejected");
    }

    private static IResult NoSuchReview(HttpContext http) => DashboardEndpoints.Page<MessagePage>(new MessagePageModel
    {
        Title = "No such review", Message = "See the review queue.", User = http.User,
    }, StatusCodes.Status404NotFound);
}
