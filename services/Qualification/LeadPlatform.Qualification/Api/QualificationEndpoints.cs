using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Qualification.Api;

public static class QualificationEndpoints
{
    public const string OperatorKeyHeader = "X-Operator-Key";

    public static IEndpointRouteBuilder MapQualifications(this IEndpointRouteBuilder app)
    {
        // Health data: every route needs one of Auth:ApiTokens (checked here, by qualification itself); re-qualification
        // needs the operator key as well.
        var group = app.MapGroup("/api/v1/qualifications").WithTags("Qualifications").RequireApiToken()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{leadId:guid}", GetAsync)
            .WithName("GetQualifications")
            .WithSummary("Every decision about a lead, oldest first, with rule-set version, score, tier, reasons and flags.");
        group.MapPost("/requalify", RequalifyAsync)
            .WithName("Requalify")
            .WithSummary($"Operators: judge every decision in force again under the current rule set (header {OperatorKeyHeader}).");
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<QualificationView>>, ProblemHttpResult>> GetAsync(
        Guid leadId, IQualificationStore store, CancellationToken cancellationToken)
    {
        var decisions = await store.FindByLeadAsync(leadId, cancellationToken);
        if (decisions.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No decision for this lead yet");
        return TypedResults.Ok<IReadOnlyList<QualificationView>>(decisions.Select(d => new QualificationView(
            d.QuoteRequestId, d.LeadId, d.Eligible ? "qualified" : "disqualified", d.Eligible ? d.Tier : null, d.Score,
            d.Reasons, d.Flags, d.Disqualifications, d.RuleSetVersion, d.DecidedAt, d.Trigger, d.Current)).ToList());
    }

    internal static async Task<Results<Ok<RequalificationReport>, ProblemHttpResult>> RequalifyAsync(
        HttpRequest request, Requalification requalification, IOptions<QualificationOptions> options, CancellationToken cancellationToken)
    {
        var expected = options.Value.OperatorApiKey;
        if (string.IsNullOrEmpty(expected))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Re-qualification is disabled",
                detail: "Set Qualification:OperatorApiKey to enable it.");
        var given = request.Headers[OperatorKeyHeader].ToString();
        // SHA-256 digests compared in constant time: equal lengths, so not even the key's length leaks.
        if (!ServiceDefaults.Privacy.OperatorKey.Matches(given, expected))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Operator key missing or wrong",
                detail: $"Send the operator key in the {OperatorKeyHeader} header.");
        return TypedResults.Ok(await requalification.RunAsync(cancellationToken));
    }
}
