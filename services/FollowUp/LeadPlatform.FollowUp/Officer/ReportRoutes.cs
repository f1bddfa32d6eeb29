using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// The clinic's reports, for admins and managers (figures and charts, never a person): the funnel by source, campaign,
/// condition or language with conversion rates, and the speed to lead; as a page with SVG charts, as CSV, and as
/// <c>GET /api/v1/reports/funnel?from=&amp;to=&amp;groupBy=source</c>.
/// </summary>
internal static class ReportRoutes
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/funnel", FunnelAsync)
            .WithTags("Reports")
            .WithName("FunnelReport")
            .WithSummary("The funnel of the leads first seen in a period: counts and rates per stage (submitted, qualified, contacted, consultation booked), by source, campaign, condition or language, and the speed to the first human contact (p50/p90) with the automatic acknowledgement apart. Accept: text/csv for the funnel as CSV.")
            .RequireAuthorization(Policies.Reports);

        var pages = app.MapGroup("/dashboard/reports").ExcludeFromDescription().RequireAuthorization(Policies.Reports);
        pages.MapGet("", PageAsync);
        pages.MapGet("/funnel.csv", FunnelCsvAsync);
        pages.MapGet("/speed.csv", SpeedCsvAsync);
        return app;
    }

    private static Task<IResult> FunnelCsvAsync(HttpContext http, FunnelReports reports, TimeProvider time, string? from, string? to, string? groupBy, CancellationToken ct) =>
        CsvAsync(http, reports, time, from, to, groupBy, FunnelCsv.Funnel, "funnel", ct);

    private static Task<IResult> SpeedCsvAsync(HttpContext http, FunnelReports reports, TimeProvider time, string? from, string? to, string? groupBy, CancellationToken ct) =>
        CsvAsync(http, reports, time, from, to, groupBy, FunnelCsv.Speed, "speed-to-lead", ct);

    private static bool TryParse(string? from, string? to, string? groupBy, TimeProvider time, out ReportPeriod? period, out string dimension,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        dimension = string.IsNullOrWhiteSpace(groupBy) ? "source" : groupBy.Trim().ToLowerInvariant();
        if (!FunnelReports.Dimensions.Contains(dimension)) errors["groupBy"] = [$"Group by one of: {string.Join(", ", FunnelReports.Dimensions)}."];
        period = ReportPeriod.TryParse(from, to, time.GetUtcNow(), errors);
        return errors.Count == 0;
    }

    internal static async Task<Results<Ok<FunnelFigures>, ContentHttpResult, ValidationProblem>> FunnelAsync(
        HttpContext http, FunnelReports reports, TimeProvider time, CancellationToken ct, string? from = null, string? to = null, string? groupBy = null)
    {
        if (!TryParse(from, to, groupBy, time, out var period, out var dimension, out var errors)) return TypedResults.ValidationProblem(errors, title: "The report's parameters are not valid");
        var figures = await reports.BuildAsync(period!, dimension, ct);
        if (http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Content(FunnelCsv.Funnel(figures), Csv.ContentType);
        }
        return TypedResults.Ok(figures);
    }

    private static async Task<IResult> CsvAsync(HttpContext http, FunnelReports reports, TimeProvider time, string? from, string? to, string? groupBy,
        Func<FunnelFigures, string> write, string name, CancellationToken ct)
    {
        if (!TryParse(from, to, groupBy, time, out var period, out var dimension, out var errors)) return TypedResults.ValidationProblem(errors, title: "The report's parameters are not valid");
        var figures = await reports.BuildAsync(period!, dimension, ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{period!.FromDate}-to-{period.ToDate}.csv\"";
        return TypedResults.Content(write(figures), Csv.ContentType);
    }

    private static async Task<IResult> PageAsync(HttpContext http, FunnelReports reports, TimeProvider time, CancellationToken ct,
        string? from = null, string? to = null, string? groupBy = null)
    {
        if (!TryParse(from, to, groupBy, time, out var period, out var dimension, out var errors))
        {
            return DashboardEndpoints.Page<ReportsPage>(new ReportsPageModel { User = http.User, Errors = errors, From = from, To = to, GroupBy = dimension }, StatusCodes.Status400BadRequest);
        }
        var figures = await reports.BuildAsync(period!, dimension, ct);
        return DashboardEndpoints.Page<ReportsPage>(new ReportsPageModel { User = http.User, Figures = figures, Period = period, GroupBy = dimension });
    }
}
