using LeadPlatform.FollowUp.Auth;
using LeadPlatform.Storage;
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
        api.MapPost("/{id:guid}/disable", async (Guid id, HttpContext http, IWebhookStore store, IWebhookDeliveryStore deliveries, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
                await SetDisabledAsync(id, true, Actor.For(http.User), store, deliveries, time, logs, ct) ? Results.NoContent() : Results.NotFound())
            .WithName("DisableWebhook").WithSummary("Stops new deliveries to a subscription; pending ones wait until it is enabled again.");
        api.MapPost("/{id:guid}/enable", async (Guid id, HttpContext http, IWebhookStore store, IWebhookDeliveryStore deliveries, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
                await SetDisabledAsync(id, false, Actor.For(http.User), store, deliveries, time, logs, ct) ? Results.NoContent() : Results.NotFound())
            .WithName("EnableWebhook").WithSummary("Delivers to a disabled subscription again, the waiting deliveries first.");
        api.MapPost("/{id:guid}/test", async (Guid id, HttpContext http, IWebhookStore store, WebhookOutbox outbox, CancellationToken ct) =>
                await store.GetAsync(id, ct) is { DeletedAt: null } s
                    ? Results.Accepted($"/api/v1/webhooks/{id}/deliveries", WebhookDeliveryView.From(await outbox.RaiseTestAsync(s, Actor.For(http.User), ct)))
                    : Results.NotFound())
            .WithName("SendWebhookTestEvent").WithSummary("Queues a signed webhook.test event (no lead, no personal data) for this subscription: it shows in the delivery log.");
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
        var (created, errors) = await SubscribeAsync(body, Actor.For(http.User), store, options, time, logs, ct);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: "The subscription is not valid")
            : TypedResults.Created($"/api/v1/webhooks/{created.Subscription.Id}", created);
    }

    /// <summary>Checks and stores a new subscription (the API's and the dashboard page's): errors by field, or the subscription with its secret.</summary>
    internal static async Task<(WebhookCreated? Created, Dictionary<string, string[]> Errors)> SubscribeAsync(WebhookBody body, string actor, IWebhookStore store,
        IOptions<WebhookOptions> options, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await WebhookTargets.ProblemAsync(body.Url, options.Value.AllowLocalTargetsForTests, ct) is { } problem) errors["url"] = [problem];
        var events = (body.Events ?? []).Select(e => e?.Trim() ?? string.Empty).Distinct().ToList();
        if (events.Count == 0) errors["events"] = [$"Choose at least one of: {string.Join(", ", WebhookEvents.All)}."];
        else if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown) errors["events"] = [$"'{unknown}' is not an event: use {string.Join(", ", WebhookEvents.All)}."];
        if (body.Description is { Length: > 200 }) errors["description"] = ["At most 200 characters."];
        if (errors.Count > 0) return (null, errors);

        var subscription = new WebhookSubscription
        {
            Id = Ids.New(), Url = body.Url!.Trim(), Events = events, IncludeHealthDetails = body.IncludeHealthDetails, Description = body.Description?.Trim(),
            Secret = new WebhookSecret { Value = WebhookSignature.NewSecret() }, CreatedAt = time.GetUtcNow(), CreatedBy = actor,
        };
        await store.TryInsertAsync(subscription, ct);
        logs.CreateLogger("LeadPlatform.FollowUp.Webhooks").LogInformation("Webhook subscription {SubscriptionId} to {Events} created by {Actor} (health details {HealthDetails})",
            subscription.Id, events, subscription.CreatedBy, subscription.IncludeHealthDetails);
        return (new WebhookCreated(View(subscription, []), subscription.Secret.Value), errors);
    }

    /// <summary>Disables (no new deliveries, pending ones wait) or enables a subscription (its waiting deliveries are due at once); false when there is none.</summary>
    internal static async Task<bool> SetDisabledAsync(Guid id, bool disabled, string actor, IWebhookStore store, IWebhookDeliveryStore deliveries, TimeProvider time,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { DeletedAt: null } subscription) return false;
        if (disabled == subscription.DisabledAt is not null) return true;
        subscription.DisabledAt = disabled ? time.GetUtcNow() : null;
        subscription.DisabledBy = disabled ? actor : null;
        await store.ReplaceAsync(subscription, ct);
        if (!disabled)
        {
            foreach (var waiting in (await deliveries.ForSubscriptionAsync(id, 500, ct)).Where(d => d.Status == WebhookDelivery.Pending))
            {
                waiting.NextAttemptAt = StoredTime.Truncate(time.GetUtcNow());
                await deliveries.TryReplaceHeldAsync(waiting, ct); // false: the sender moved it meanwhile
            }
        }
        logs.CreateLogger("LeadPlatform.FollowUp.Webhooks").LogInformation("Webhook subscription {SubscriptionId} {Change} by {Actor}", id, disabled ? "disabled" : "enabled", actor);
        return true;
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

    internal static WebhookView View(WebhookSubscription s, IReadOnlyList<WebhookDelivery> last) =>
        new(s.Id, s.Url, s.Events, s.IncludeHealthDetails, s.Description, s.CreatedAt, s.CreatedBy, [.. last.Select(WebhookDeliveryView.From)], s.DisabledAt);
}
