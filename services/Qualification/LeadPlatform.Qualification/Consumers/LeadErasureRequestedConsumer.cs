using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification.Consumers;

/// <summary>
/// Erases what qualification holds about a lead: the request each decision judged (the person's data) is dropped, the
/// reasons lose their wording (it quotes the person's answers) and the sent events their payloads, and the decisions
/// (outcome, tier, score, which rules fired with their points, flags, rule-set version, time) stay as an anonymous record, and the lead is suppressed as after an
/// opt-out of everything, so no further event is published for it. Confirms with <see cref="LeadDataErased"/>
/// (published after the writes; a redelivery erases nothing more and confirms again, which the confirmation's reader ignores).
/// </summary>
public sealed class LeadErasureRequestedConsumer(IQualificationStore decisions, ISuppressedLeadStore suppressed, TimeProvider time,
    ILogger<LeadErasureRequestedConsumer> logger) : IConsumer<LeadErasureRequested>
{
    public const string ErasureSource = "erasure";
    public const string Erased = "(erased)";

    public async Task Consume(ConsumeContext<LeadErasureRequested> context)
    {
        var m = context.Message;
        await suppressed.TryInsertAsync(new SuppressedLeadDocument { Id = m.LeadId, Since = StoredTime.Truncate(m.OccurredAt), Source = ErasureSource },
            context.CancellationToken);
        var erased = 0;
        foreach (var decision in await decisions.FindByLeadAsync(m.LeadId, context.CancellationToken))
        {
            if (decision.Request is null && decision.Reasons.TrueForAll(r => r.Text == Erased)
                && decision.Disqualifications.TrueForAll(r => r.Text == Erased) && decision.Outbox.TrueForAll(e => e.SentAt is null || e.Payload.Length == 0)) continue;
            decision.Request = null;
            decision.Reasons = [.. decision.Reasons.Select(r => r with { Text = Erased })];
            decision.Disqualifications = [.. decision.Disqualifications.Select(r => r with { Text = Erased })];
            foreach (var sent in decision.Outbox.Where(e => e.SentAt is not null)) sent.Payload = string.Empty;
            await decisions.ReplaceAsync(decision, context.CancellationToken); // a conflict makes the bus retry
            erased++;
        }
        logger.LogInformation("Personal data of lead {LeadId} erased by {Service} ({DecisionCount} decisions anonymised) for erasure {ErasureId}",
            m.LeadId, QualificationModule.ServiceName, erased, m.ErasureId);
        await context.Publish(new LeadDataErased { LeadId = m.LeadId, OccurredAt = time.GetUtcNow(), ErasureId = m.ErasureId, Service = QualificationModule.ServiceName },
            publish => publish.CorrelationId = m.LeadId);
    }
}
