using System.Text;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Import;

/// <summary>
/// Admins import leads from CSV: <c>POST /api/v1/imports</c> (<c>text/csv</c>) answers the preview, <c>POST
/// /api/v1/imports/{id}/apply</c> applies it; the dashboard's <c>/dashboard/imports</c> does the same with an upload.
/// </summary>
internal static class ImportRoutes
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/imports").WithTags("Import").RequireAuthorization(Policies.Admin);
        api.MapPost("", PreviewAsync).WithName("PreviewImport")
            .WithSummary("Reads a CSV of leads (text/csv) and answers its preview: rows to create, rows with errors by field, possible same persons. Nothing is created yet.");
        api.MapGet("/{id:guid}", async (Guid id, LeadImporter importer, CancellationToken ct) =>
                await importer.GetAsync(id, ct) is { } i ? Results.Ok(ImportView.From(i)) : Results.NotFound())
            .WithName("GetImport").WithSummary("An import's preview, or its result once applied.");
        api.MapPost("/{id:guid}/apply", ApplyAsync).WithName("ApplyImport")
            .WithSummary("Creates the leads of a previewed import (rows without errors; possible same persons linked); once only.");

        var pages = app.MapGroup("/dashboard/imports").ExcludeFromDescription().RequireAuthorization(Policies.Admin);
        pages.MapGet("", async (HttpContext http, LeadImporter importer, CancellationToken ct) =>
            DashboardEndpoints.Page<ImportPage>(new ImportPageModel { User = http.User, Recent = await importer.RecentAsync(ct), Limits = importer.Limits }));
        pages.MapPost("", UploadAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        pages.MapGet("/{id:guid}", async (Guid id, HttpContext http, LeadImporter importer, CancellationToken ct) =>
            await importer.GetAsync(id, ct) is { } i
                ? DashboardEndpoints.Page<ImportPreviewPage>(new ImportPreviewPageModel { User = http.User, Import = ImportView.From(i) })
                : NoSuchImport(http));
        pages.MapPost("/{id:guid}/apply", async (Guid id, HttpContext http, LeadImporter importer) =>
            {
                var (import, _) = await importer.ApplyAsync(id, Actor.For(http.User), http.RequestAborted);
                return import is null ? NoSuchImport(http) : Results.Redirect($"/dashboard/imports/{id}");
            })
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, LeadImporter importer)
    {
        var (text, tooBig) = await ReadAsync(http.Request.Body, http.Request.ContentLength, importer.Limits.MaxBytes, http.RequestAborted);
        if (tooBig) return FileProblem(TooBig(importer.Limits), StatusCodes.Status413PayloadTooLarge);
        var (import, problem) = await importer.PreviewAsync(text, Actor.For(http.User), http.RequestAborted);
        return import is null
            ? FileProblem(problem!, StatusCodes.Status400BadRequest)
            : TypedResults.Created($"/api/v1/imports/{import.Id}", ImportView.From(import));
    }

    private static async Task<IResult> ApplyAsync(Guid id, HttpContext http, LeadImporter importer)
    {
        var (import, already) = await importer.ApplyAsync(id, Actor.For(http.User), http.RequestAborted);
        if (import is null) return TypedResults.NotFound();
        return already
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This import was applied before",
                detail: $"Applied {import.AppliedAt:u} by {import.AppliedBy}: its leads exist; upload the file again for a new preview.")
            : TypedResults.Ok(ImportView.From(import));
    }

    private static async Task<IResult> UploadAsync(HttpContext http, LeadImporter importer)
    {
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        string? problem;
        if (form.Files["file"] is not { Length: > 0 } file)
        {
            problem = "Choose a CSV file to import.";
        }
        else if (file.Length > importer.Limits.MaxBytes)
        {
            problem = TooBig(importer.Limits);
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var (text, _) = await ReadAsync(stream, file.Length, importer.Limits.MaxBytes, ct);
            var (import, refused) = await importer.PreviewAsync(text, Actor.For(http.User), ct);
            if (import is not null) return Results.Redirect($"/dashboard/imports/{import.Id}");
            problem = refused;
        }
        return DashboardEndpoints.Page<ImportPage>(new ImportPageModel { User = http.User, Recent = await importer.RecentAsync(ct), Limits = importer.Limits, FileError = problem },
            StatusCodes.Status400BadRequest);
    }

    private static string TooBig(ImportOptions limits) =>
        $"The file is larger than {limits.MaxBytes / 1024} KB, the most one import takes (and at most {limits.MaxRows} rows). Split it into smaller files.";

    private static IResult FileProblem(string problem, int status) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [problem] }, title: "The file cannot be imported") is var validation && status == StatusCodes.Status400BadRequest
            ? validation
            : TypedResults.Problem(statusCode: status, title: "The file cannot be imported", detail: problem,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [problem] } });

    /// <summary>The text, or that it is larger than <paramref name="max"/> bytes (read no further than that).</summary>
    private static async Task<(string Text, bool TooBig)> ReadAsync(Stream body, long? length, int max, CancellationToken ct)
    {
        if (length > max) return (string.Empty, true);
        var buffer = new byte[max + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        if (read > max) return (string.Empty, true);
        return (Encoding.UTF8.GetString(buffer, 0, read), false);
    }

    private static IResult NoSuchImport(HttpContext http) => DashboardEndpoints.Page<MessagePage>(new MessagePageModel
    {
        Title = "No such import", Message = "Upload the file again to preview it.", User = http.User,
    }, StatusCodes.Status404NotFound);
}
