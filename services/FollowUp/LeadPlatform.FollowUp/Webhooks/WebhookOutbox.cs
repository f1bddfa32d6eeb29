using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>
/// Turns an event into one stored delivery per subscription that wants it (the webhooks' durable outbox: stored
/// before the bus message that raised it is acknowledged, sent by <see cref="WebhookSender"/>). A delivery's id comes
/// from the subscription and the event, so a redelivered message stores nothing twice. Payloads carry ids and
/// statuses; the condition, tier and flags only for a subscription with health details turned on.
/// </summary>
internal sealed class WebhookOutbox(IWebhookStore subscriptions, IWebhookDeliveryStore deliveries, ILeadStore leads, TimeProvider time, ILogger<WebhookOutbox> logger)
{
    public async Task RaiseAsync(string eventName, Guid leadId, DateTimeOffset occurredAt, string eventKey, JsonObject data, CancellationToken cancellationToken)
    {
        var targets = (await subscriptions.ListAsync(500, cancellationToken)).Where(s => s.DisabledAt is null && s.Events.Contains(eventName)).ToList();
        if (targets.Count == 0) return;
        JsonObject? health = null;
        if (targets.Exists(s => s.IncludeHealthDetails) && eventName != WebhookEvents.LeadErased && await leads.GetAsync(leadId, cancellationToken) is { ErasedAt: null } lead)
        {
            health = new JsonObject
            {
                ["condition"] = lead.Inquiry?.Condition,
                ["tier"] = lead.Tier,
                ["flags"] = new JsonArray([.. lead.Flags.Select(f => (JsonNode?)f)]),
            };
        }
        var now = time.GetUtcNow();
        foreach (var subscription in targets)
        {
            var id = DeliveryId(subscription.Id, eventKey);
            var body = new JsonObject
            {
                ["id"] = id,
                ["event"] = eventName,
                ["occurredAt"] = occurredAt,
                ["leadId"] = leadId,
                ["data"] = data.DeepClone(),
            };
            if (subscription.IncludeHealthDetails && health is not null) body["health"] = health.DeepClone();
            var stored = await deliveries.TryInsertAsync(new WebhookDelivery
            {
                Id = id, SubscriptionId = subscription.Id, Event = eventName, LeadId = leadId, CreatedAt = now, NextAttemptAt = now,
                Payload = new WebhookPayload { Json = body.ToJsonString(JsonOptions) },
            }, cancellationToken);
            if (stored) logger.LogInformation("Webhook {Event} for lead {LeadId} queued for subscription {SubscriptionId} as delivery {DeliveryId}", eventName, leadId, subscription.Id, id);
        }
    }

    /// <summary>
    /// An admin's test event for one subscription (even a disabled one is not sent to: the sender waits): a delivery like any
    /// other, signed, retried and logged, with no lead (the nil id) and no personal data.
    /// </summary>
    public async Task<WebhookDelivery> RaiseTestAsync(WebhookSubscription subscription, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = DeliveryId(subscription.Id, $"test:{Guid.CreateVersion7():N}");
        var body = new JsonObject
        {
            ["id"] = id,
            ["event"] = WebhookEvents.Test,
            ["occurredAt"] = now,
            ["leadId"] = Guid.Empty,
            ["data"] = new JsonObject { ["message"] = "A test event sent from the LeadPlatform dashboard.", ["requestedBy"] = actor },
        };
        var delivery = new WebhookDelivery
        {
            Id = id, SubscriptionId = subscription.Id, Event = WebhookEvents.Test, LeadId = Guid.Empty, CreatedAt = now, NextAttemptAt = now,
            Payload = new WebhookPayload { Json = body.ToJsonString(JsonOptions) },
        };
        await deliveries.TryInsertAsync(delivery, cancellationToken);
        logger.LogInformation("Webhook test event queued for subscription {SubscriptionId} as delivery {DeliveryId}", subscription.Id, id);
        return delivery;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    internal static Guid DeliveryId(Guid subscriptionId, string eventKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"webhook:{subscriptionId:D}:{eventKey}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
