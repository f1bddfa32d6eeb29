using LeadPlatform.FollowUp.Auth;
using LeadPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>Admins manage the webhook subscriptions and read their delivery log: <c>/api/v1/webhooks</c>.</summary>
internal static class WebhookRoutes
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        api.MapGet("", ListAsync).WithName("ListWebhooks").WithSummary("The webhook subscriptions with their last deliveries (never their secrets).");
        api.MapPost("", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Subscribes an https URL on a public address to events (lead.qualified, lead.consultation_booked, outreach.sent, lead.opted_out, lead.erased); answers the signing secret once.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Stops a subscription; its delivery log stays.");
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("A subscription's delivery log, the newest first.");
        return app;
    }

    private static async Task<Ok<List<WebhookView>>> ListAsync(IWebhookStore store, IWebhookDeliveryStore deliveries, CancellationToken ct)
    {
        var views = new List<WebhookView>();
        foreach (var s in await store.ListAsync(500, ct)) views.Add(View(s, await deliveries.ForSubscriptionAsync(s.Id, 5, ct)));
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<WebhookCreated>, ValidationProblem>> CreateAsync(WebhookBody body, HttpContext http, IWebhookStore store,
        IOptions<WebhookOptions> options, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await WebhookTargets.ProblemAsync(body.Url, options.Value.AllowLocalTargetsForTests, ct) is { } problem) errors["url"] = [problem];
        var events = (body.Events ?? []).Select(e => e?.Trim() ?? string.Empty).Distinct().ToList();
        if (events.Count == 0) errors["events"] = [$"Choose at least one of: {string.Join(", ", WebhookEvents.All)}."];
        else if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown) errors["events"] = [$"'{unknown}' is not an event: use {string.Join(", ", WebhookEvents.All)}."];
        if (body.Description is { Length: > 200 }) errors["description"] = ["At most 200 characters."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The subscription is not valid");

        var subscription = new WebhookSubscription
        {
            Id = Ids.New(), Url = body.Url!.Trim(), Events = events, IncludeHealthDetails = body.IncludeHealthDetails, Description = body.Description?.Trim(),
            Secret = new WebhookSecret { Value = WebhookSignature.NewSecret() }, CreatedAt = time.GetUtcNow(), CreatedBy = Actor.For(http.User),
        };
        await store.TryInsertAsync(subscription, ct);
        logs.CreateLogger("LeadPlatform.FollowUp.Webhooks").LogInformation("Webhook subscription {SubscriptionId} to {Events} created by {Actor} (health details {HealthDetails})",
            subscription.Id, events, subscription.CreatedBy, subscription.IncludeHealthDetails);
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", new WebhookCreated(View(subscription, []), subscription.Secret.Value));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, HttpContext http, IWebhookStore store, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { DeletedAt: null } subscription) return TypedResults.NotFound();
        subscription.DeletedAt = time.GetUtcNow();
        subscription.DeletedBy = Actor.For(http.User);
        await store.ReplaceAsync(subscription, ct);
        logs.CreateLogger("LeadPlatform.FollowUp.Webhooks").LogInformation("Webhook subscription {SubscriptionId} deleted by {Actor}", id, subscription.DeletedBy);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<WebhookDeliveryView>>, NotFound>> DeliveriesAsync(Guid id, IWebhookStore store, IWebhookDeliveryStore deliveries, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is null) return TypedResults.NotFound();
        return TypedResults.Ok((await deliveries.ForSubscriptionAsync(id, 200, ct)).Select(WebhookDeliveryView.From).ToList());
    }

    private static WebhookView View(WebhookSubscription s, IReadOnlyList<WebhookDelivery> last) =>
        new(s.Id, s.Url, s.Events, s.IncludeHealthDetails, s.Description, s.CreatedAt, s.CreatedBy, [.. last.Select(WebhookDeliveryView.From)]);
}
