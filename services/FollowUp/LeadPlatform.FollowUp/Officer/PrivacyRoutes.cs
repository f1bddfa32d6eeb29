using System.Text.Json;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults.Privacy;
using LeadPlatform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// A person's privacy requests from the lead page (compliance officers and admins): the export runs the same exporters
/// as the operator-key API (every service of this host) and answers a JSON file; the erasure requests
/// <see cref="LeadErasureRequested"/> through the lead's outbox, which every service honours as for the API. Each is
/// recorded on the timeline and in the lead's access log with who asked.
/// </summary>
internal static class PrivacyRoutes
{
    public const TimelineKind ExportKind = TimelineKind.PrivacyExport;
    public const TimelineKind ErasureKind = TimelineKind.ErasureRequested;

    public static IEndpointRouteBuilder MapPrivacyRequests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard/leads/{leadId:guid}/privacy").ExcludeFromDescription().RequireAuthorization(Policies.Audit);
        group.MapPost("/export", ExportAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        group.MapPost("/erase", EraseAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    private static async Task<IResult> ExportAsync(Guid leadId, HttpContext http, ILeadStore store, IEnumerable<ILeadDataExporter> exporters,
        Audit.LeadAccessLog accessLog, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (await store.GetAsync(leadId, ct) is null) return NotFound(http);
        var actor = Actor.For(http.User);
        var services = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var exporter in exporters) services[exporter.Service] = await exporter.ExportAsync(leadId, ct);
        var now = StoredTime.Truncate(time.GetUtcNow());
        await RecordAsync(store, leadId, new TimelineEntry { At = now, Kind = ExportKind, Summary = $"Personal data exported at the person's request by {actor}", Actor = actor }, ct);
        await accessLog.RecordAsync(leadId, http.User, Audit.LeadAccessKinds.Export, ct);
        logs.CreateLogger("LeadPlatform.FollowUp.Privacy").LogInformation("Personal data of lead {LeadId} exported from the dashboard by {Actor} ({Services})", leadId, actor, services.Keys);
        var json = JsonSerializer.SerializeToUtf8Bytes(new { leadId, exportedAt = now, exportedBy = actor, services }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return TypedResults.File(json, "application/json", $"lead-{LeadReference.Of(leadId)}-export.json");
    }

    private static async Task<IResult> EraseAsync(Guid leadId, HttpContext http, ILeadStore store, TimeProvider time, ILoggerFactory logs, [FromForm] string? confirm,
        CancellationToken ct)
    {
        if (confirm != "yes")
        {
            return DashboardEndpoints.Page<MessagePage>(new MessagePageModel
            {
                Title = "Not erased", Message = "Tick the confirmation beside the button to erase this person's data.", User = http.User,
            }, StatusCodes.Status400BadRequest);
        }
        if (await store.GetAsync(leadId, ct) is null) return NotFound(http);
        var actor = Actor.For(http.User);
        var erasureId = Ids.New();
        var requested = await RecordAsync(store, leadId, new TimelineEntry
        {
            At = StoredTime.Truncate(time.GetUtcNow()), Kind = ErasureKind, Summary = $"Erasure of the person's data requested by {actor}", Actor = actor,
            Details = new() { ["erasureId"] = erasureId.ToString() },
        }, ct, lead =>
        {
            if (lead.ErasedAt is not null) return false;
            lead.Enqueue(new LeadErasureRequested { LeadId = leadId, OccurredAt = time.GetUtcNow(), ErasureId = erasureId }, time.GetUtcNow(), conversationId: erasureId, correlationId: leadId);
            return true;
        });
        logs.CreateLogger("LeadPlatform.FollowUp.Privacy").LogInformation("Erasure {ErasureId} of lead {LeadId} requested from the dashboard by {Actor}", erasureId, leadId, actor);
        return DashboardEndpoints.Page<MessagePage>(new MessagePageModel
        {
            Title = requested ? "Erasure requested" : "Already erased",
            Message = requested
                ? "Every service erases this person's data now (the evidence keeps its hashes). The request is on the lead's timeline with your name."
                : "This person's data was erased before.",
            User = http.User,
        });
    }

    /// <summary>Adds the entry (and whatever <paramref name="also"/> does) in one write; false when <paramref name="also"/> declined.</summary>
    private static async Task<bool> RecordAsync(ILeadStore store, Guid leadId, TimelineEntry entry, CancellationToken ct, Func<LeadDocument, bool>? also = null)
    {
        var result = await store.UpdateAsync(leadId, lead =>
        {
            if (also is not null && !also(lead)) return false;
            lead.Record(entry);
            return true;
        }, ct);
        return result.Updated;
    }

    private static IResult NotFound(HttpContext http) => DashboardEndpoints.Page<MessagePage>(new MessagePageModel
    {
        Title = "Lead not found", Message = "There is no lead with this id.", User = http.User,
    }, StatusCodes.Status404NotFound);
}
