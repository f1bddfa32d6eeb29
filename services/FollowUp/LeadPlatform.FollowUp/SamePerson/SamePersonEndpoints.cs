using LeadPlatform.FollowUp.Leads;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.SamePerson;

/// <summary>A coordinator's decision about leads that may be one person, over the JSON API (the dashboard posts forms to the same logic).</summary>
public static class SamePersonEndpoints
{
    public static IEndpointRouteBuilder MapSamePersonApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/leads/{leadId:guid}").WithTags("Follow-up").RequireAuthorization(Policies.Work);
        api.MapPost("/merge", MergeAsync)
            .WithName("MergeLeads")
            .WithSummary("Merges another lead of the same person into this one: every submission, consent record, timeline entry, task and outreach is kept; opt-outs of both stay.");
        api.MapPost("/unmerge", UnmergeAsync)
            .WithName("UnmergeLeads")
            .WithSummary("Undoes a merge: the lead merged into this one is its own lead again, with its submissions, consent records, timeline, tasks and outreach; every opt-out stays on both; the two are kept apart.");
        api.MapPost("/links/{otherLeadId:guid}/keep-apart", KeepApartAsync)
            .WithName("KeepLeadsApart")
            .WithSummary("Marks a \"possible same person\" link as different people: the link is dismissed and the leads stay separate.");
        return app;
    }

    internal static async Task<Results<Ok<LeadView>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        Guid leadId, MergeBody? body, LeadMerger merger, ILeadStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (body?.OtherLeadId is not { } other || other == Guid.Empty)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["otherLeadId"] = ["The id of the lead to merge into this one is required."] });
        if (other == leadId)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["otherLeadId"] = ["A lead cannot be merged with itself."] });
        var (result, reason) = await merger.MergeAsync(leadId, other, Actor.For(http.User, body.Coordinator), cancellationToken);
        return result switch
        {
            MergeResult.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such lead"),
            MergeResult.Refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "These leads cannot be merged", detail: reason),
            _ => TypedResults.Ok(LeadView.From((await store.GetAsync(leadId, cancellationToken))!)),
        };
    }

    internal static async Task<Results<Ok<LeadView>, ValidationProblem, ProblemHttpResult>> UnmergeAsync(
        Guid leadId, MergeBody? body, LeadMerger merger, ILeadStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (body?.OtherLeadId is not { } other || other == Guid.Empty)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["otherLeadId"] = ["The id of the lead merged into this one is required."] });
        if (other == leadId)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["otherLeadId"] = ["A lead cannot be unmerged from itself."] });
        var (result, reason) = await merger.UnmergeAsync(leadId, other, Actor.For(http.User, body.Coordinator), cancellationToken);
        return result switch
        {
            MergeResult.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such lead"),
            MergeResult.Refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "These leads cannot be unmerged", detail: reason),
            _ => TypedResults.Ok(LeadView.From((await store.GetAsync(leadId, cancellationToken))!)),
        };
    }

    internal static async Task<Results<Ok<LeadView>, ProblemHttpResult>> KeepApartAsync(
        Guid leadId, Guid otherLeadId, LeadMerger merger, ILeadStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await merger.KeepApartAsync(leadId, otherLeadId, Actor.For(http.User), cancellationToken);
        return result switch
        {
            MergeResult.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such link",
                detail: "The lead has no \"possible same person\" link to that lead."),
            MergeResult.Refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "These leads were merged"),
            _ => TypedResults.Ok(LeadView.From((await store.GetAsync(leadId, cancellationToken))!)),
        };
    }
}
