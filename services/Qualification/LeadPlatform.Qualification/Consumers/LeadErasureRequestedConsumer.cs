using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification.Consumers;

/// <summary>
/// Erases what qualification holds about a lead: the request each decision judged (the person's data) is dropped, the
/// decisions (scores, reasons, rule-set versions) stay as an anonymous record, and the lead is suppressed as after an
/// opt-out of everything, so no further event is published for it. Confirms with <see cref="LeadDataErased"/>
/// (published after the writes; a redelivery erases nothing more and confirms again, which the confirmation's reader ignores).
/// </summary>
public sealed class LeadErasureRequestedConsumer(IQualificationStore decisions, ISuppressedLeadStore suppressed, TimeProvider time,
    ILogger<LeadErasureRequestedConsumer> logger) : IConsumer<LeadErasureRequested>
{
    public const string ErasureSource = "erasure";

    public async Task Consume(ConsumeContext<LeadErasureRequested> context)
    {
        var m = context.Message;
        await suppressed.TryInsertAsync(new SuppressedLeadDocument { Id = m.LeadId, Since = StoredTime.Truncate(m.OccurredAt), Source = ErasureSource },
            context.CancellationToken);
        var erased = 0;
        foreach (var decision in await decisions.FindByLeadAsync(m.LeadId, context.CancellationToken))
        {
            if (decision.Request is null) continue;
            decision.Request = null;
            await decisions.ReplaceAsync(decision, context.CancellationToken); // a conflict makes the bus retry
            erased++;
        }
        logger.LogInformation("Personal data of lead {LeadId} erased by {Service} ({DecisionCount} decisions anonymised) for erasure {ErasureId}",
            m.LeadId, QualificationModule.ServiceName, erased, m.ErasureId);
        await context.Publish(new LeadDataErased { LeadId = m.LeadId, OccurredAt = time.GetUtcNow(), ErasureId = m.ErasureId, Service = QualificationModule.ServiceName },
            publish => publish.CorrelationId = m.LeadId);
    }
}
