using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using LeadPlatform.Storage.Privacy;

namespace LeadPlatform.ServiceDefaults.Privacy;

/// <summary>
/// <c>GET /api/v1/privacy/leads/{leadId}/export</c> (operators, <c>X-Operator-Key</c>): everything the services of this
/// host hold about a lead, as one JSON document, one section per service. The standalone host answers for all three;
/// a distributed service for itself (an operator asks each, or a gateway merges them: the sections do not overlap).
/// </summary>
public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapLeadExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/privacy/leads/{leadId:guid}/export", ExportAsync)
            .WithTags("Privacy")
            .WithName("ExportLeadData")
            .WithSummary($"Operators ({OperatorKey.Header}): everything held about a lead by the services of this host, as one JSON document.");
        if (app.ServiceProvider.GetService<PersonalDataProtector>() is { IsDevelopmentKey: true })
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Privacy").LogWarning(
                "Personal data is sealed with the development key: set Privacy:EncryptionKeys, Privacy:CurrentKeyId and Privacy:LookupKeySecret before storing real data");
        }
        return app;
    }

    internal static async Task<IResult> ExportAsync(Guid leadId, HttpRequest request, IEnumerable<ILeadDataExporter> exporters,
        IOptions<PrivacyOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (OperatorKey.Refusal(request, options.Value.OperatorApiKey, "Exporting personal data") is { } refusal) return refusal;
        var services = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var exporter in exporters) services[exporter.Service] = await exporter.ExportAsync(leadId, cancellationToken);
        loggers.CreateLogger("LeadPlatform.Privacy").LogInformation("Personal data of lead {LeadId} exported from {Services}", leadId, services.Keys);
        if (services.Values.All(v => v is null))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing is held about this lead");
        return TypedResults.Ok(new { leadId, exportedAt = time.GetUtcNow(), services });
    }
}
