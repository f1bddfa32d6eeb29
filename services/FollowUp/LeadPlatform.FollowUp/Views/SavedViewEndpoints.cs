using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.FollowUp.Views;

/// <summary>
/// Saved queue views, per person, kept on their account server-side: <c>GET/POST /api/v1/views</c>,
/// <c>DELETE /api/v1/views/{id}</c>, and the queue page's "Save this view" and remove buttons. A view is a name and
/// the queue's filter and sort; it is listed as a tab on that person's queue. API tokens have no person: 400.
/// </summary>
public static class SavedViewEndpoints
{
    public const int MaxViews = 20;
    public const int MaxName = 60;

    public static IEndpointRouteBuilder MapSavedViews(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/views").WithTags("Queue").RequireAuthorization(Policies.Read);
        api.MapGet("", ListAsync).WithName("ListSavedViews").WithSummary("The signed-in person's saved queue views (name, filter, sort).");
        api.MapPost("", CreateApiAsync).WithName("SaveView").WithSummary("Saves the queue's filter and sort under a name for the signed-in person.");
        api.MapDelete("/{viewId:guid}", DeleteApiAsync).WithName("DeleteSavedView").WithSummary("Removes one of the signed-in person's saved views.");

        var page = app.MapGroup("/dashboard/views").ExcludeFromDescription().RequireAuthorization(Policies.Read);
        page.MapPost("", CreatePageAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        page.MapPost("/{viewId:guid}/delete", DeletePageAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    /// <summary>The person's saved views, oldest first (empty for an API token).</summary>
    public static async Task<IReadOnlyList<SavedView>> OfAsync(System.Security.Claims.ClaimsPrincipal user, AccountService accounts, CancellationToken ct) =>
        AccountService.IdOf(user) is { } id && await accounts.GetAsync(id, ct) is { } account ? account.SavedViews : [];

    internal static async Task<Results<Ok<IReadOnlyList<SavedView>>, ProblemHttpResult>> ListAsync(HttpContext http, AccountService accounts, CancellationToken ct) =>
        AccountService.IdOf(http.User) is null ? NoPerson() : TypedResults.Ok(await OfAsync(http.User, accounts, ct));

    internal static async Task<Results<Created<SavedView>, ValidationProblem, ProblemHttpResult>> CreateApiAsync(SavedViewBody? body, HttpContext http,
        AccountService accounts, TimeProvider time, CancellationToken ct)
    {
        if (AccountService.IdOf(http.User) is not { } id) return NoPerson();
        var (view, errors) = Validate(body, time);
        if (view is null) return TypedResults.ValidationProblem(errors, title: "The view is not valid");
        var (saved, error) = await AddAsync(id, view, accounts, ct);
        if (saved is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [error!] }, title: "The view is not valid");
        return TypedResults.Created($"/api/v1/views/{saved.Id}", saved);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteApiAsync(Guid viewId, HttpContext http, AccountService accounts, CancellationToken ct)
    {
        if (AccountService.IdOf(http.User) is not { } id) return NoPerson();
        return await RemoveAsync(id, viewId, accounts, ct) ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such saved view");
    }

    private static async Task<IResult> CreatePageAsync(HttpContext http, AccountService accounts, TimeProvider time, [FromForm] string? name, [FromForm] string? scope,
        [FromForm] string? tier, [FromForm] string? status, [FromForm] string? assignee, [FromForm] string? condition, [FromForm] string? search, [FromForm] string? sort)
    {
        var ct = http.RequestAborted;
        if (AccountService.IdOf(http.User) is not { } id) return Results.Redirect("/dashboard");
        var (view, errors) = Validate(new SavedViewBody(name, scope, tier, status, assignee, condition, search, sort), time);
        string? error = errors.Count > 0 ? string.Join(" ", errors.SelectMany(e => e.Value)) : null;
        if (view is not null)
        {
            var (saved, addError) = await AddAsync(id, view, accounts, ct);
            if (saved is not null) return Results.Redirect(saved.Href());
            error = addError;
        }
        return DashboardEndpoints.Page<Dashboard.Pages.MessagePage>(new Dashboard.Pages.MessagePageModel { Title = "The view was not saved", Message = error ?? string.Empty, User = http.User }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> DeletePageAsync(Guid viewId, HttpContext http, AccountService accounts)
    {
        if (AccountService.IdOf(http.User) is { } id) await RemoveAsync(id, viewId, accounts, http.RequestAborted);
        return Results.Redirect("/dashboard");
    }

    private static (SavedView? View, Dictionary<string, string[]> Errors) Validate(SavedViewBody? body, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        static string? Clean(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var name = Clean(body?.Name);
        if (name is null) errors["name"] = ["Give the view a name."];
        else if (name.Length > MaxName) errors["name"] = [$"A view's name is at most {MaxName} characters."];
        var scope = Clean(body?.Scope) ?? QueueFilter.Mine;
        if (scope is not (QueueFilter.Mine or QueueFilter.All or QueueFilter.Unassigned)) errors["scope"] = ["The scope is mine, all or unassigned."];
        var tier = Clean(body?.Tier);
        if (tier is not (null or "A" or "B" or "C")) errors["tier"] = ["The tier is A, B or C."];
        var sort = Clean(body?.Sort) ?? "due";
        if (!QueueFilter.SortKeys.Contains(sort.TrimStart('-'))) errors["sort"] = [$"The sort is one of {string.Join(", ", QueueFilter.SortKeys)} (a leading '-' for descending)."];
        foreach (var (key, value) in new[] { ("status", body?.Status), ("assignee", body?.Assignee), ("condition", body?.Condition), ("search", body?.Search) })
        {
            if (value?.Length > 200) errors[key] = ["At most 200 characters."];
        }
        if (errors.Count > 0) return (null, errors);
        return (new SavedView
        {
            Id = Guid.NewGuid(), Name = name!, Scope = scope, Tier = tier, Status = Clean(body!.Status), Assignee = Clean(body.Assignee),
            Condition = Clean(body.Condition), Search = Clean(body.Search), Sort = sort, CreatedAt = time.GetUtcNow(),
        }, errors);
    }

    private static async Task<(SavedView? View, string? Error)> AddAsync(Guid accountId, SavedView view, AccountService accounts, CancellationToken ct)
    {
        string? error = null;
        var account = await accounts.UpdateAsync(accountId, a =>
        {
            error = null;
            if (a.SavedViews.Count >= MaxViews) error = $"At most {MaxViews} saved views: remove one first.";
            else if (a.SavedViews.Exists(v => string.Equals(v.Name, view.Name, StringComparison.OrdinalIgnoreCase))) error = $"You already have a view named \"{view.Name}\".";
            else a.SavedViews.Add(view);
        }, ct);
        return account is null ? (null, "No such account.") : error is null ? (view, null) : (null, error);
    }

    private static async Task<bool> RemoveAsync(Guid accountId, Guid viewId, AccountService accounts, CancellationToken ct)
    {
        var removed = false;
        await accounts.UpdateAsync(accountId, a => removed = a.SavedViews.RemoveAll(v => v.Id == viewId) > 0, ct);
        return removed;
    }

    private static ProblemHttpResult NoPerson() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Saved views belong to a person",
        detail: "Sign in to the dashboard (an API token has no saved views).");
}
