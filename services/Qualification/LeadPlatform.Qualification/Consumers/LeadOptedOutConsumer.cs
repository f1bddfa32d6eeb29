using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification.Consumers;

/// <summary>
/// Honours opt-outs: a lead who opted out of every channel gets no further qualification events. An opt-out of one
/// channel changes nothing here (the lead may still be reached on another, and the compliance gate checks each send).
/// </summary>
public sealed class LeadOptedOutConsumer(ISuppressedLeadStore suppressed, TimeProvider time, ILogger<LeadOptedOutConsumer> logger)
    : IConsumer<LeadOptedOut>
{
    public async Task Consume(ConsumeContext<LeadOptedOut> context)
    {
        var optOut = context.Message;
        if (!string.Equals(optOut.Channel, "all", StringComparison.OrdinalIgnoreCase)) return;
        var inserted = await suppressed.TryInsertAsync(new SuppressedLeadDocument
        {
            Id = optOut.LeadId,
            Since = StoredTime.Truncate(optOut.OccurredAt == default ? time.GetUtcNow() : optOut.OccurredAt),
            Source = optOut.Source,
        }, context.CancellationToken);
        if (inserted) logger.LogInformation("Lead {LeadId} opted out of all contact via {OptOutSource}: no further qualification events", optOut.LeadId, optOut.Source);
    }
}
