using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Intake.Consumers;

/// <summary>Records each service's confirmation of an erasure on the lead's first request (the export shows them).</summary>
public sealed class LeadDataErasedConsumer(IQuoteRequestStore store, ILogger<LeadDataErasedConsumer> logger) : IConsumer<LeadDataErased>
{
    public async Task Consume(ConsumeContext<LeadDataErased> context)
    {
        var m = context.Message;
        var first = (await store.FindByLeadAsync(m.LeadId, context.CancellationToken)).FirstOrDefault();
        if (first is null || first.ErasureConfirmedBy.Contains(m.Service)) return; // unknown here, or a redelivery
        first.ErasureConfirmedBy.Add(m.Service);
        await store.ReplaceAsync(first, context.CancellationToken); // a conflict makes the bus retry
        logger.LogInformation("Erasure {ErasureId} of lead {LeadId} confirmed by {Service}", m.ErasureId, m.LeadId, m.Service);
    }
}
