using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification.Consumers;

/// <summary>
/// A merge was undone: the decisions on the restored lead's quote requests belong to it again (they were moved to the
/// survivor on <see cref="LeadsMerged"/>), so an erasure of either lead reaches only its own decisions. Decisions no
/// longer filed under the survivor are left alone, so a redelivery changes nothing. Named for qualification, so its
/// queue is its own.
/// </summary>
public sealed class DecisionsFollowUnmergeConsumer(IQualificationStore decisions, ILogger<DecisionsFollowUnmergeConsumer> logger) : IConsumer<LeadsUnmerged>
{
    public async Task Consume(ConsumeContext<LeadsUnmerged> context)
    {
        var m = context.Message;
        var theirs = m.QuoteRequestIds.ToHashSet();
        var moved = 0;
        foreach (var decision in await decisions.FindByLeadAsync(m.SurvivingLeadId, context.CancellationToken))
        {
            if (!theirs.Contains(decision.QuoteRequestId)) continue;
            decision.LeadId = m.RestoredLeadId;
            await decisions.ReplaceAsync(decision, context.CancellationToken); // a conflict makes the bus retry
            moved++;
        }
        logger.LogInformation("Lead {RestoredLeadId} unmerged from {SurvivingLeadId}: {DecisionCount} decisions moved back", m.RestoredLeadId, m.SurvivingLeadId, moved);
    }
}
