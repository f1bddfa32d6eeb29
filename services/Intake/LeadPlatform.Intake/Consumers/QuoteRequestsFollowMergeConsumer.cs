using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Intake.Consumers;

/// <summary>
/// Two leads were merged: the merged lead's requests now belong to the surviving lead, so a later request of the person
/// joins the survivor and an erasure of the survivor reaches them. Named for intake (not "LeadsMergedConsumer"), so its
/// queue is intake's own and never shared with another service's consumer of the same event.
/// </summary>
public sealed class QuoteRequestsFollowMergeConsumer(IQuoteRequestStore store, TimeProvider time, ILogger<QuoteRequestsFollowMergeConsumer> logger)
    : IConsumer<LeadsMerged>
{
    public async Task Consume(ConsumeContext<LeadsMerged> context)
    {
        var m = context.Message;
        var moved = 0;
        foreach (var request in await store.FindByLeadAsync(m.MergedLeadId, context.CancellationToken))
        {
            request.LeadId = m.SurvivingLeadId;
            request.UpdatedAt = time.UtcNow();
            await store.ReplaceAsync(request, context.CancellationToken); // a conflict makes the bus retry; moved ones are not found again
            moved++;
        }
        logger.LogInformation("Lead {MergedLeadId} merged into {SurvivingLeadId}: {RequestCount} quote requests moved", m.MergedLeadId, m.SurvivingLeadId, moved);
    }
}
