using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// The compliance officer's workspace (compliance officers and admins): the evidence of a period across leads as JSON
/// or CSV (<c>GET /api/v1/compliance/evidence?from=&amp;to=</c>, <c>Accept: text/csv</c>), a printable report of it, one
/// lead's ledger with its chain's integrity and the texts of its blocked and held drafts, and the lists across leads.
/// </summary>
internal static class OfficerEndpoints
{
    public static IEndpointRouteBuilder MapOfficer(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/compliance/evidence", EvidenceAsync)
            .WithTags("Compliance")
            .WithName("ListEvidence")
            .WithSummary("The evidence entries of a period across leads, oldest first: decision, rule, disclaimer and consent versions, reviewer, hash and previous hash. Accept: text/csv for one CSV row per entry.")
            .RequireAuthorization(Policies.Audit);

        var pages = app.MapGroup("/dashboard").ExcludeFromDescription().RequireAuthorization(Policies.Audit);
        pages.MapGet("/compliance", WorkspaceAsync);
        pages.MapGet("/compliance/evidence", ReportAsync);
        pages.MapGet("/compliance/evidence.csv", CsvAsync);
        pages.MapGet("/leads/{leadId:guid}/evidence", LeadEvidenceAsync);
        return app;
    }

    internal static async Task<Results<Ok<EvidencePeriodResult>, ContentHttpResult, ValidationProblem>> EvidenceAsync(
        HttpContext http, EvidenceLedger ledger, TimeProvider time, ILoggerFactory logs, CancellationToken ct, string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (ReportPeriod.TryParse(from, to, time.GetUtcNow(), errors) is not { } period) return TypedResults.ValidationProblem(errors, title: "The period is not valid");
        var entries = await ledger.BetweenAsync(period.From, period.To, ct);
        Log(logs, http, period, entries.Count, "api");
        if (WantsCsv(http.Request))
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(period)}\"";
            return TypedResults.Content(EvidenceCsv.Write(entries), Csv.ContentType);
        }
        return TypedResults.Ok(new EvidencePeriodResult(period.From, period.To, entries.Count, entries));
    }

    private static async Task<IResult> CsvAsync(HttpContext http, EvidenceLedger ledger, TimeProvider time, ILoggerFactory logs, CancellationToken ct,
        string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (ReportPeriod.TryParse(from, to, time.GetUtcNow(), errors) is not { } period) return TypedResults.ValidationProblem(errors, title: "The period is not valid");
        var entries = await ledger.BetweenAsync(period.From, period.To, ct);
        Log(logs, http, period, entries.Count, "csv");
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(period)}\"";
        return TypedResults.Content(EvidenceCsv.Write(entries), Csv.ContentType);
    }

    private static async Task<IResult> ReportAsync(HttpContext http, EvidenceLedger ledger, TimeProvider time, ILoggerFactory logs, CancellationToken ct,
        string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        var period = ReportPeriod.TryParse(from, to, time.GetUtcNow(), errors);
        if (period is null) return DashboardEndpoints.Page<EvidenceReportPage>(new EvidenceReportPageModel { User = http.User, Errors = errors, From = from, To = to }, StatusCodes.Status400BadRequest);
        var entries = await ledger.BetweenAsync(period.From, period.To, ct);
        Log(logs, http, period, entries.Count, "report");
        return DashboardEndpoints.Page<EvidenceReportPage>(new EvidenceReportPageModel { User = http.User, Period = period, Entries = entries, From = from, To = to, GeneratedAt = time.GetUtcNow() });
    }

    private static async Task<IResult> WorkspaceAsync(HttpContext http, OfficerLists lists, TimeProvider time, CancellationToken ct,
        string? from = null, string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        var period = ReportPeriod.TryParse(from, to, time.GetUtcNow(), errors);
        if (period is null) return DashboardEndpoints.Page<OfficerPage>(new OfficerPageModel { User = http.User, Errors = errors, From = from, To = to }, StatusCodes.Status400BadRequest);
        return DashboardEndpoints.Page<OfficerPage>(new OfficerPageModel { User = http.User, Workspace = await lists.BuildAsync(period, ct), From = from, To = to });
    }

    private static async Task<IResult> LeadEvidenceAsync(Guid leadId, HttpContext http, ILeadStore store, Audit.LeadAccessLog accessLog, CancellationToken ct)
    {
        if (await store.GetAsync(leadId, ct) is not { } lead)
        {
            return DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "Lead not found", Message = "There is no lead with this id.", User = http.User }, StatusCodes.Status404NotFound);
        }
        // The withheld drafts are the coordinator's words to the person: reading them is a read of the lead.
        await accessLog.RecordAsync(leadId, http.User, OfficerAccessKinds.Evidence, ct);
        return DashboardEndpoints.Page<LeadEvidencePage>(new LeadEvidencePageModel { User = http.User, Ledger = EvidenceLedger.ForLead(lead), Erased = lead.ErasedAt is not null });
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        || string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase);

    private static string FileName(ReportPeriod period) => $"evidence-{period.FromDate}-to-{period.ToDate}.csv";

    private static void Log(ILoggerFactory logs, HttpContext http, ReportPeriod period, int count, string form) =>
        logs.CreateLogger("LeadPlatform.FollowUp.Officer").LogInformation(
            "Evidence of {From} to {To} read as {Form} by {Actor}: {EntryCount} entries", period.From, period.To, form, http.User.Identity?.Name ?? "unknown", count);
}
