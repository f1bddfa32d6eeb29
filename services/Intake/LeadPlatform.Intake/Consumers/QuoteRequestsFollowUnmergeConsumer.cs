using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Intake.Consumers;

/// <summary>
/// A merge was undone: the restored lead's quote requests belong to it again (they were moved to the survivor on
/// <see cref="LeadsMerged"/>), so the person's next request joins their own lead and an erasure of either lead reaches
/// only its own requests. A request that is no longer filed under the survivor (moved already, or erased) is left alone,
/// so a redelivery changes nothing. Named for intake, so its queue is intake's own.
/// </summary>
public sealed class QuoteRequestsFollowUnmergeConsumer(IQuoteRequestStore store, TimeProvider time, ILogger<QuoteRequestsFollowUnmergeConsumer> logger)
    : IConsumer<LeadsUnmerged>
{
    public async Task Consume(ConsumeContext<LeadsUnmerged> context)
    {
        var m = context.Message;
        var theirs = m.QuoteRequestIds.ToHashSet();
        var moved = 0;
        foreach (var request in await store.FindByLeadAsync(m.SurvivingLeadId, context.CancellationToken))
        {
            if (!theirs.Contains(request.Id)) continue;
            request.LeadId = m.RestoredLeadId;
            request.UpdatedAt = time.UtcNow();
            await store.ReplaceAsync(request, context.CancellationToken); // a conflict makes the bus retry; moved ones are not found again
            moved++;
        }
        logger.LogInformation("Lead {RestoredLeadId} unmerged from {SurvivingLeadId}: {RequestCount} quote requests moved back", m.RestoredLeadId, m.SurvivingLeadId, moved);
    }
}
