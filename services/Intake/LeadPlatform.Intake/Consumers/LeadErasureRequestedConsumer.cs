using LeadPlatform.Contracts;
using LeadPlatform.Intake.Privacy;
using MassTransit;

namespace LeadPlatform.Intake.Consumers;

/// <summary>
/// Another service's erasure request (follow-up's retention sweep): intake erases its requests of the lead and confirms
/// through its outbox. Its own operator requests come back here too and find the lead already erased: nothing more happens.
/// </summary>
public sealed class LeadErasureRequestedConsumer(LeadErasure erasure) : IConsumer<LeadErasureRequested>
{
    public async Task Consume(ConsumeContext<LeadErasureRequested> context)
    {
        var m = context.Message;
        if (await erasure.EraseAsync(m.LeadId, m.ErasureId, context.CancellationToken) is null)
        {
            // Nothing held here (no request of this lead): confirm at once, there is nothing to store.
            await context.Publish(new LeadDataErased { LeadId = m.LeadId, OccurredAt = m.OccurredAt, ErasureId = m.ErasureId, Service = IntakeModule.ServiceName });
        }
    }
}
