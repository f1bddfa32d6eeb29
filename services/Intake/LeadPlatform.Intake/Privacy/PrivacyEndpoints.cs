using LeadPlatform.ServiceDefaults.Privacy;
using LeadPlatform.Storage.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake.Privacy;

public static class IntakePrivacyEndpoints
{
    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/privacy/leads/{leadId:guid}/erasure", EraseAsync)
            .WithTags("Privacy")
            .WithName("EraseLeadData")
            .WithSummary($"Operators ({OperatorKey.Header}): erase a lead's personal data in every service. 202 with the erasure's id; " +
                         "each service confirms with LeadDataErased, listed in the lead's export under erasureConfirmedBy.");
        return app;
    }

    internal static async Task<IResult> EraseAsync(Guid leadId, HttpRequest request, LeadErasure erasure, IOptions<PrivacyOptions> options, CancellationToken cancellationToken)
    {
        if (OperatorKey.Refusal(request, options.Value.OperatorApiKey, "Erasing personal data") is { } refusal) return refusal;
        var erasureId = await erasure.EraseAsync(leadId, cancellationToken);
        return erasureId is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Intake knows no such lead")
            : TypedResults.Accepted($"/api/v1/privacy/leads/{leadId}/export", new { leadId, erasureId });
    }
}
