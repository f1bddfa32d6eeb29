using LeadPlatform.Qualification.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.Qualification.Api;

public static class QualificationEndpoints
{
    public static IEndpointRouteBuilder MapQualifications(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/qualifications").WithTags("Qualifications")
            .MapGet("/{leadId:guid}", GetAsync)
            .WithName("GetQualifications")
            .WithSummary("Every decision about a lead, with rule-set version, score, tier, reasons and flags.");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<QualificationView>>, ProblemHttpResult>> GetAsync(
        Guid leadId, IQualificationStore store, CancellationToken cancellationToken)
    {
        var decisions = await store.FindByLeadAsync(leadId, cancellationToken);
        if (decisions.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No decision for this lead yet");
        return TypedResults.Ok<IReadOnlyList<QualificationView>>(decisions.Select(d => new QualificationView(
            d.Id, d.LeadId, d.Eligible ? "qualified" : "disqualified", d.Eligible ? d.Tier : null, d.Score,
            d.Reasons, d.Flags, d.Disqualifications, d.RuleSetVersion, d.DecidedAt)).ToList());
    }
}
