using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using LeadPlatform.FollowUp.Leads;
using LeadPlatform.FollowUp.Tasks;

namespace LeadPlatform.FollowUp;

public static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Follow-up").RequireAuthorization(Policies.Read);
        api.MapGet("/leads/{leadId:guid}", GetLeadAsync)
            .WithName("GetLead")
            .WithSummary("A lead's follow-up view: status, tasks and timeline.");
        api.MapGet("/leads", FindLeadAsync)
            .WithName("FindLeadOfQuoteRequest")
            .WithSummary("The lead of one submission: ?quoteRequestId= (the id intake's 202 answered). 404 until follow-up has heard of it.")
            .ProducesValidationProblem();
        api.MapGet("/leads/{leadId:guid}/access-log", GetAccessLogAsync)
            .WithName("GetLeadAccessLog")
            .WithSummary("Who read the lead's personal data (lead page, lead API, export), the newest first: compliance officers and admins.")
            .RequireAuthorization(Policies.Audit);
        api.MapGet("/tasks", GetQueueAsync)
            .WithName("GetTaskQueue")
            .WithSummary("Open follow-up tasks, the most urgent first. With ?page= or ?pageSize=: { items, total, page, pageSize }, one item per lead "
                         + "(also ?scope=mine|all|unassigned, ?sort=due|received|tier|name|assignee|activity, '-' for descending); without: the older bare list (?limit=).");
        app.MapAssignmentApi();
        return app;
    }

    internal static async Task<Results<Ok<LeadView>, ProblemHttpResult>> GetLeadAsync(Guid leadId, ILeadStore store, Audit.LeadAccessLog accessLog,
        HttpContext http, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such lead (yet)",
                detail: "A lead appears here a moment after its quote request was accepted.");
        }
        await accessLog.RecordAsync(leadId, http.User, Audit.LeadAccessKinds.LeadApi, cancellationToken);
        return TypedResults.Ok(LeadView.From(lead));
    }

    internal static async Task<Results<Ok<LeadView>, ValidationProblem, ProblemHttpResult>> FindLeadAsync(Guid? quoteRequestId, ILeadStore store,
        Audit.LeadAccessLog accessLog, HttpContext http, CancellationToken cancellationToken)
    {
        if (quoteRequestId is not { } id || id == Guid.Empty)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quoteRequestId"] = ["Give the quoteRequestId of the submission."] });
        var lead = await store.FindByQuoteRequestAsync(id, cancellationToken);
        if (lead is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No lead for this quote request (yet)",
                detail: "A lead appears here a moment after its quote request was accepted.");
        }
        await accessLog.RecordAsync(lead.Id, http.User, Audit.LeadAccessKinds.LeadApi, cancellationToken);
        return TypedResults.Ok(LeadView.From(lead));
    }

    internal static async Task<Ok<List<LeadAccessView>>> GetAccessLogAsync(Guid leadId, Audit.LeadAccessLog accessLog, CancellationToken cancellationToken, int limit = 200) =>
        TypedResults.Ok((await accessLog.ForLeadAsync(leadId, Math.Clamp(limit, 1, 1000), cancellationToken))
            .Select(r => new LeadAccessView(r.At, r.Actor, r.ActorId, r.What)).ToList());

    internal static async Task<IResult> GetQueueAsync(ILeadStore store, TimeProvider time, Dashboard.DashboardQueries queries, Calls.Contactability contactability, HttpContext http,
        CancellationToken cancellationToken, int limit = 100, int? page = null, int? pageSize = null, string? scope = null, string? sort = null)
    {
        if (page is not null || pageSize is not null)
        {
            if (page is < 1 || pageSize is < 1 or > Dashboard.QueueFilter.MaxPageSize)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [page is < 1 ? "page" : "pageSize"] = [page is < 1 ? "page starts at 1." : $"pageSize is 1 to {Dashboard.QueueFilter.MaxPageSize}."],
                });
            }
            var filter = new Dashboard.QueueFilter(scope is Dashboard.QueueFilter.Mine or Dashboard.QueueFilter.Unassigned ? scope : Dashboard.QueueFilter.All,
                null, null, null, null, null)
            {
                Sort = sort is { } s && Dashboard.QueueFilter.SortKeys.Contains(s.TrimStart('-')) ? s : "due",
                Page = page ?? 1,
                PageSize = pageSize ?? Dashboard.QueueFilter.DefaultPageSize,
            };
            var rows = await queries.QueueAsync(filter, http.User, cancellationToken);
            var result = Dashboard.DashboardQueries.WithContact(Dashboard.DashboardQueries.Page(rows, filter), contactability, Dashboard.TimeDisplay.For(http));
            // Past the last page: an empty page (the dashboard shows the last one instead).
            var items = filter.Page > result.Pages ? [] : result.Rows.Select(TaskQueueItem.From).ToList();
            return TypedResults.Ok(new TaskPage(items, result.Total, filter.Page, result.PageSize));
        }

        // The older shape, kept for the clients that read it: a bare list of open tasks (one per task), at most ?limit= leads' worth.
        var now = time.GetUtcNow();
        var names = await queries.NamesAsync(cancellationToken);
        var leads = await store.FindWithOpenTasksAsync(Math.Clamp(limit, 1, 500), cancellationToken);
        var list = leads
            .SelectMany(lead => lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open).Select(t => new TaskQueueItem(
                t.Id, lead.Id, lead.Person is { } p ? $"{p.FirstName} {p.LastName}" : null, lead.Inquiry?.Condition,
                t.Tier, t.DueAt, t.DueAt < now, t.AssignedTo, lead.OpenLinks().Count())
            {
                AssignedToName = t.AssignedTo is { } a ? names.GetValueOrDefault(a, a) : null, Status = lead.Status.Name(),
            }))
            .OrderBy(i => i.DueAt)
            .ToList();
        return TypedResults.Ok(list);
    }
}
