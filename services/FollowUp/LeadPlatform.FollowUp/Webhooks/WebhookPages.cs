using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Dashboard.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>
/// The admins' webhook page (<c>/dashboard/webhooks</c>): subscriptions with their last deliveries, a form to subscribe
/// (checked as the API checks it, errors beside the fields), the signing secret shown once, disable / enable, delete,
/// and "Send test event".
/// </summary>
internal static class WebhookPages
{
    public static IEndpointRouteBuilder MapWebhookPages(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/dashboard/webhooks").ExcludeFromDescription().RequireAuthorization(Policies.Admin);
        admin.MapGet("", async (HttpContext http, IWebhookStore store, IWebhookDeliveryStore deliveries, CancellationToken ct, string? notice = null) =>
            DashboardEndpoints.Page<WebhooksPage>(new WebhooksPageModel { User = http.User, Subscriptions = await ListAsync(store, deliveries, ct), Notice = NoticeOf(notice) }));
        admin.MapPost("", CreateAsync).AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        admin.MapPost("/{id:guid}/disable", (Guid id, HttpContext http, IWebhookStore store, IWebhookDeliveryStore deliveries, TimeProvider time, ILoggerFactory logs) =>
                ChangeAsync(http, WebhookRoutes.SetDisabledAsync(id, true, Actor.For(http.User), store, deliveries, time, logs, http.RequestAborted), "disabled"))
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        admin.MapPost("/{id:guid}/enable", (Guid id, HttpContext http, IWebhookStore store, IWebhookDeliveryStore deliveries, TimeProvider time, ILoggerFactory logs) =>
                ChangeAsync(http, WebhookRoutes.SetDisabledAsync(id, false, Actor.For(http.User), store, deliveries, time, logs, http.RequestAborted), "enabled"))
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        admin.MapPost("/{id:guid}/delete", async (Guid id, HttpContext http, IWebhookStore store, TimeProvider time, ILoggerFactory logs) =>
            {
                if (await store.GetAsync(id, http.RequestAborted) is not { DeletedAt: null } subscription) return NotFound(http);
                subscription.DeletedAt = time.GetUtcNow();
                subscription.DeletedBy = Actor.For(http.User);
                await store.ReplaceAsync(subscription, http.RequestAborted);
                logs.CreateLogger("LeadPlatform.FollowUp.Webhooks").LogInformation("Webhook subscription {SubscriptionId} deleted by {Actor}", id, subscription.DeletedBy);
                return Results.Redirect("/dashboard/webhooks?notice=deleted");
            })
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        admin.MapPost("/{id:guid}/test", async (Guid id, HttpContext http, IWebhookStore store, WebhookOutbox outbox) =>
            {
                if (await store.GetAsync(id, http.RequestAborted) is not { DeletedAt: null } subscription) return NotFound(http);
                await outbox.RaiseTestAsync(subscription, Actor.For(http.User), http.RequestAborted);
                return Results.Redirect("/dashboard/webhooks?notice=test");
            })
            .AddEndpointFilter(DashboardEndpoints.RequireAntiforgery);
        return app;
    }

    private static async Task<List<WebhookView>> ListAsync(IWebhookStore store, IWebhookDeliveryStore deliveries, CancellationToken ct)
    {
        var views = new List<WebhookView>();
        foreach (var s in await store.ListAsync(500, ct)) views.Add(WebhookRoutes.View(s, await deliveries.ForSubscriptionAsync(s.Id, 10, ct)));
        return views;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IWebhookStore store, IWebhookDeliveryStore deliveries, IOptions<WebhookOptions> options,
        TimeProvider time, ILoggerFactory logs)
    {
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        var body = new WebhookBody(form["url"].ToString(), [.. form["events"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!)],
            form["includeHealthDetails"] == "true", string.IsNullOrWhiteSpace(form["description"]) ? null : form["description"].ToString());
        var (created, errors) = await WebhookRoutes.SubscribeAsync(body, Actor.For(http.User), store, options, time, logs, ct);
        return DashboardEndpoints.Page<WebhooksPage>(new WebhooksPageModel
        {
            User = http.User,
            Subscriptions = await ListAsync(store, deliveries, ct),
            Created = created,
            Errors = created is null ? errors : null,
            Form = created is null ? body : null,
        }, created is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, Task<bool> change, string notice) =>
        await change ? Results.Redirect($"/dashboard/webhooks?notice={notice}") : NotFound(http);

    private static string? NoticeOf(string? notice) => notice switch
    {
        "disabled" => "Disabled: no new events are stored for it; deliveries already waiting are kept until you enable it again.",
        "enabled" => "Enabled: waiting deliveries go out now.",
        "deleted" => "Deleted: it receives nothing more. Its delivery log is kept.",
        "test" => "Test event queued: it appears under the subscription's last deliveries in a few seconds.",
        _ => null,
    };

    private static IResult NotFound(HttpContext http) => DashboardEndpoints.Page<MessagePage>(new MessagePageModel
    {
        Title = "No such subscription", Message = "It may have been deleted; see all webhooks.", User = http.User,
    }, StatusCodes.Status404NotFound);
}
