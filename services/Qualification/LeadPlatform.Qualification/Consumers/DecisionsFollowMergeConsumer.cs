using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification.Consumers;

/// <summary>
/// Two leads were merged: the merged lead's decisions now belong to the surviving lead (an erasure of the survivor
/// reaches them). Suppression is not copied here: follow-up announces the survivor's opt-outs (<see cref="LeadOptedOut"/>)
/// as part of the merge. Named for qualification, so its queue is its own.
/// </summary>
public sealed class DecisionsFollowMergeConsumer(IQualificationStore decisions, ILogger<DecisionsFollowMergeConsumer> logger) : IConsumer<LeadsMerged>
{
    public async Task Consume(ConsumeContext<LeadsMerged> context)
    {
        var m = context.Message;
        var moved = 0;
        foreach (var decision in await decisions.FindByLeadAsync(m.MergedLeadId, context.CancellationToken))
        {
            decision.LeadId = m.SurvivingLeadId;
            await decisions.ReplaceAsync(decision, context.CancellationToken); // a conflict makes the bus retry
            moved++;
        }
        logger.LogInformation("Lead {MergedLeadId} merged into {SurvivingLeadId}: {DecisionCount} decisions moved", m.MergedLeadId, m.SurvivingLeadId, moved);
    }
}
