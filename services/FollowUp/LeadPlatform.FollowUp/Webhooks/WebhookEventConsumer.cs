using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using MassTransit;

namespace LeadPlatform.FollowUp.Webhooks;

/// <summary>The bus events that become webhooks: qualified, outreach sent, opted out, and erased (follow-up's own erasure, once).</summary>
internal sealed class WebhookEventConsumer(WebhookOutbox outbox)
    : IConsumer<LeadQualified>, IConsumer<OutreachSent>, IConsumer<LeadOptedOut>, IConsumer<LeadDataErased>
{
    public Task Consume(ConsumeContext<LeadQualified> context)
    {
        var m = context.Message;
        return outbox.RaiseAsync(WebhookEvents.LeadQualified, m.LeadId, m.OccurredAt, $"qualified:{m.LeadId}:{m.QuoteRequestId}",
            new JsonObject { ["status"] = "qualified", ["quoteRequestId"] = m.QuoteRequestId, ["tier"] = m.Tier, ["score"] = m.Score }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<OutreachSent> context)
    {
        var m = context.Message;
        return outbox.RaiseAsync(WebhookEvents.OutreachSent, m.LeadId, m.OccurredAt, $"outreach:{m.OutreachId}",
            new JsonObject
            {
                ["status"] = "sent", ["outreachId"] = m.OutreachId, ["channel"] = m.Channel, ["evidenceId"] = m.EvidenceId,
                ["disclaimerVersions"] = new JsonArray([.. m.DisclaimerVersions.Select(d => (JsonNode?)d)]),
            }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<LeadOptedOut> context)
    {
        var m = context.Message;
        return outbox.RaiseAsync(WebhookEvents.LeadOptedOut, m.LeadId, m.OccurredAt, $"opted_out:{m.LeadId}:{m.Channel}:{m.OccurredAt.UtcTicks}",
            new JsonObject { ["status"] = "opted_out", ["channel"] = m.Channel, ["source"] = m.Source }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<LeadDataErased> context)
    {
        var m = context.Message;
        if (m.Service != FollowUpModule.ServiceName) return Task.CompletedTask; // each service reports its erasure: one webhook
        return outbox.RaiseAsync(WebhookEvents.LeadErased, m.LeadId, m.OccurredAt, $"erased:{m.LeadId}:{m.ErasureId}",
            new JsonObject { ["status"] = "erased", ["erasureId"] = m.ErasureId }, context.CancellationToken);
    }
}
