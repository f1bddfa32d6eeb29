using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Rules;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification.Consumers;

/// <summary>
/// Decides each quote request once: the decision and its event are stored in one write (the event leaves through the
/// outbox), and a redelivered request finds its decision already there.
/// </summary>
public sealed class QualifyQuoteRequestConsumer(
    IQualificationStore store, QualificationEngine engine, TimeProvider time, ILogger<QualifyQuoteRequestConsumer> logger)
    : IConsumer<QuoteRequestSubmitted>
{
    public async Task Consume(ConsumeContext<QuoteRequestSubmitted> context)
    {
        var request = context.Message;
        if (await store.GetAsync(request.QuoteRequestId, context.CancellationToken) is not null)
        {
            logger.LogInformation("Quote request {QuoteRequestId} was already qualified; redelivery ignored", request.QuoteRequestId);
            return;
        }

        var now = time.UtcNow();
        var outcome = engine.Evaluate(request, DateOnly.FromDateTime(now.UtcDateTime));
        var document = new QualificationDocument
        {
            Id = request.QuoteRequestId,
            LeadId = request.LeadId,
            Eligible = outcome.Eligible,
            Tier = outcome.Tier,
            Score = outcome.Score,
            Reasons = [.. outcome.Reasons],
            Flags = [.. outcome.Flags],
            Disqualifications = [.. outcome.Disqualifications],
            RuleSetVersion = outcome.RuleSetVersion,
            DecidedAt = now,
        };
        var conversationId = context.ConversationId ?? request.QuoteRequestId;
        if (outcome.Eligible)
        {
            document.Enqueue(new LeadQualified
            {
                LeadId = request.LeadId,
                QuoteRequestId = request.QuoteRequestId,
                OccurredAt = now,
                Tier = outcome.Tier,
                Score = outcome.Score,
                Reasons = outcome.Reasons,
                Flags = outcome.Flags,
                RuleSetVersion = outcome.RuleSetVersion,
            }, now, conversationId, request.LeadId);
        }
        else
        {
            document.Enqueue(new LeadDisqualified
            {
                LeadId = request.LeadId,
                QuoteRequestId = request.QuoteRequestId,
                OccurredAt = now,
                Reasons = outcome.Disqualifications,
                RuleSetVersion = outcome.RuleSetVersion,
            }, now, conversationId, request.LeadId);
        }

        if (!await store.TryInsertAsync(document, context.CancellationToken))
        {
            logger.LogInformation("Quote request {QuoteRequestId} was qualified concurrently; duplicate ignored", request.QuoteRequestId);
            return;
        }

        if (outcome.Eligible)
            logger.LogInformation("Lead {LeadId} qualified: tier {Tier}, score {Score}, {FlagCount} clinical flags, rule set {RuleSetVersion}",
                request.LeadId, outcome.Tier, outcome.Score, outcome.Flags.Count, outcome.RuleSetVersion);
        else
            logger.LogInformation("Lead {LeadId} disqualified: {Rules}, rule set {RuleSetVersion}",
                request.LeadId, outcome.Disqualifications.Select(d => d.Rule).ToArray(), outcome.RuleSetVersion);
    }
}
