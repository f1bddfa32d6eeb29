using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>
/// Compliance officers and admins approve disclaimer versions: <c>GET/POST /api/v1/disclaimers/approvals</c> and the
/// disclaimer matrix page's "Approve" buttons (<c>POST /dashboard/disclaimers/approve</c>).
/// </summary>
internal static class DisclaimerRoutes
{
    public static IEndpointRouteBuilder MapDisclaimerApprovals(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/disclaimers/approvals").WithTags("Compliance").RequireAuthorization(Policies.Review);
        api.MapGet("", async (DisclaimerApprovals approvals, CancellationToken ct) =>
                TypedResults.Ok((await approvals.ListAsync(ct)).Select(DisclaimerApprovalView.From).ToList()))
            .WithName("ListDisclaimerApprovals").WithSummary("The clinic's approvals of disclaimer versions: which version, the SHA-256 of its text, who and when.");
        api.MapPost("", ApproveAsync).WithName("ApproveDisclaimer")
            .WithSummary("Approves a disclaimer version (id@version): from now on it is attached as approved; a newer version needs approving again.");

        app.MapPost("/dashboard/disclaimers/approve", async (HttpContext http, DisclaimerApprovals approvals, [FromForm] string? disclaimer) =>
            {
                var (_, problem, already) = await approvals.ApproveAsync(disclaimer, Actor.For(http.User), http.RequestAborted);
                if (problem is not null && !already)
                {
                    return DashboardEndpoints.Page<MessagePage>(new MessagePageModel { Title = "Not approved", Message = problem, User = http.User }, StatusCodes.Status400BadRequest);
                }
                return Results.Redirect("/dashboard/disclaimers?approved=" + Uri.EscapeDataString(disclaimer?.Trim() ?? string.Empty));
            })
            .ExcludeFromDescription().RequireAuthorization(Policies.Review).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    private static async Task<Results<Created<DisclaimerApprovalView>, Ok<DisclaimerApprovalView>, ValidationProblem>> ApproveAsync(
        DisclaimerApprovalBody body, HttpContext http, DisclaimerApprovals approvals, CancellationToken ct)
    {
        var (approval, problem, already) = await approvals.ApproveAsync(body.Disclaimer, Actor.For(http.User), ct);
        if (approval is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["disclaimer"] = [problem ?? "Not approved."] },
                title: "The disclaimer cannot be approved");
        }
        var view = DisclaimerApprovalView.From(approval);
        return already ? TypedResults.Ok(view) : TypedResults.Created("/api/v1/disclaimers/approvals", view);
    }
}
