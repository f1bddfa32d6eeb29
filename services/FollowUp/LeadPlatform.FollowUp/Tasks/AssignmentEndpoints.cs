using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>Assigning tasks and the signed-in coordinator's new-lead alerts, over JSON.</summary>
public static class AssignmentEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Follow-up");
        api.MapPut("/tasks/{taskId:guid}/assignee", AssignAsync)
            .RequireAuthorization(Policies.Work)
            .WithName("AssignTask")
            .WithSummary("Assigns an open task: {\"coordinator\": \"<email>\"} (null: nobody). Coordinators take tasks or hand on their own; admins assign anyone.")
            .ProducesValidationProblem();
        api.MapGet("/alerts", AlertsAsync)
            .RequireAuthorization(Policies.Read)
            .WithName("GetMyAlerts")
            .WithSummary("Leads assigned to the signed-in coordinator since ?since= (first name, tier, link), for the dashboard's notification.");
        return app;
    }

    internal static async Task<Results<Ok<AssigneeView>, ValidationProblem, ProblemHttpResult>> AssignAsync(Guid taskId, AssigneeBody? body,
        TaskAssignment assignment, HttpContext http, CancellationToken cancellationToken)
    {
        if (body?.Coordinator is { Length: > 254 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["coordinator"] = ["Give the email of a coordinator (at most 254 characters)."] });
        var result = await assignment.AssignByHandAsync(taskId, body?.Coordinator, http.User, cancellationToken);
        return result.Outcome switch
        {
            AssignmentOutcome.TaskNotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such open task", detail: result.Problem),
            AssignmentOutcome.UnknownCoordinator or AssignmentOutcome.InactiveCoordinator =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["coordinator"] = [result.Problem!] }),
            AssignmentOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: result.Problem),
            _ => TypedResults.Ok(new AssigneeView(taskId, result.LeadId!.Value, result.Assignee?.Id, result.Assignee?.Name)),
        };
    }

    internal static async Task<Ok<AlertFeed>> AlertsAsync(ILeadStore store, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken, DateTimeOffset? since = null)
    {
        var now = time.GetUtcNow();
        var me = DashboardQueries.Identities(http.User);
        var from = since ?? now;
        var items = (await store.FindWithOpenTasksAsync(TaskAssignment.OpenTaskScanLimit, cancellationToken))
            .SelectMany(l => l.Tasks.Where(t => t.Status == "open" && t.AssignedTo is { } a && me.Contains(a) && t.AssignedAt > from)
                .Select(t => new AlertItem(t.Id, l.Id, l.Person?.FirstName ?? "A new lead", t.Tier, $"/dashboard/leads/{l.Id}", t.AssignedAt!.Value, t.ReofferedAt is not null)))
            .OrderBy(i => i.AssignedAt)
            .Take(20)
            .ToList();
        return TypedResults.Ok(new AlertFeed(now, items));
    }
}
