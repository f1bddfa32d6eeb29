using LeadPlatform.FollowUp.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Scheduling;

internal static class ScheduledOutreachEndpoints
{
    public static IEndpointRouteBuilder MapScheduledOutreachApi(this IEndpointRouteBuilder app)
    {
        var lead = app.MapGroup("/api/v1/leads/{leadId:guid}/scheduled-outreach").WithTags("Outreach").RequireAuthorization(Policies.Read);
        lead.MapGet("/", ForLeadAsync).WithName("ListScheduledOutreach").WithSummary("The lead's scheduled outreach, the newest first (waiting, sent, not sent, cancelled).");
        lead.MapGet("/{id:guid}", GetAsync).WithName("GetScheduledOutreach").WithSummary("One scheduled outreach of a lead.");
        lead.MapDelete("/{id:guid}", CancelAsync)
            .WithName("CancelScheduledOutreach")
            .WithSummary("A coordinator cancels a scheduled outreach that is still waiting (409 when it was sent, is being sent, or was cancelled).")
            .RequireAuthorization(Policies.Work);
        app.MapGet("/api/v1/scheduled-outreach", WaitingAsync).WithTags("Outreach").RequireAuthorization(Policies.Read)
            .WithName("ListWaitingScheduledOutreach").WithSummary("Every scheduled outreach still waiting, the earliest due first.");
        return app;
    }

    internal static async Task<Ok<List<ScheduledOutreachView>>> ForLeadAsync(Guid leadId, IScheduledOutreachStore store, CancellationToken cancellationToken)
        => TypedResults.Ok((await store.ForLeadAsync(leadId, 100, cancellationToken)).Select(ScheduledOutreachView.From).ToList());

    internal static async Task<Ok<List<ScheduledOutreachView>>> WaitingAsync(IScheduledOutreachStore store, CancellationToken cancellationToken)
        => TypedResults.Ok((await store.WaitingAsync(200, cancellationToken)).Select(ScheduledOutreachView.From).ToList());

    internal static async Task<Results<Ok<ScheduledOutreachView>, ProblemHttpResult>> GetAsync(Guid leadId, Guid id, IScheduledOutreachStore store, CancellationToken cancellationToken)
        => await store.GetAsync(id, cancellationToken) is { } item && item.LeadId == leadId
            ? TypedResults.Ok(ScheduledOutreachView.From(item))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such scheduled outreach on this lead");

    internal static async Task<Results<Ok<ScheduledOutreachView>, ProblemHttpResult>> CancelAsync(
        Guid leadId, Guid id, OutreachScheduler scheduler, HttpContext http, CancellationToken cancellationToken)
    {
        var (item, problem) = await scheduler.CancelAsync(leadId, id, Actor.For(http.User), cancellationToken);
        if (item is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such scheduled outreach on this lead");
        return problem is null
            ? TypedResults.Ok(ScheduledOutreachView.From(item))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The scheduled outreach cannot be cancelled", detail: problem);
    }
}
