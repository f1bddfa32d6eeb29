using LeadPlatform.Contracts;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Intake.Consumers;

/// <summary>Keeps the status that <c>GET /api/v1/quote-requests/{id}</c> answers in step with qualification.</summary>
public sealed class QuoteRequestStatusConsumer(IQuoteRequestStore store, TimeProvider time, ILogger<QuoteRequestStatusConsumer> logger)
    : IConsumer<LeadQualified>, IConsumer<LeadDisqualified>
{
    public Task Consume(ConsumeContext<LeadQualified> context) =>
        UpdateAsync(context.Message.QuoteRequestId, QuoteRequestStatus.Qualified, context.CancellationToken);

    public Task Consume(ConsumeContext<LeadDisqualified> context) =>
        UpdateAsync(context.Message.QuoteRequestId, QuoteRequestStatus.Disqualified, context.CancellationToken);

    /// <summary>
    /// Intake keeps only that the request was decided, not the tier: it tells no one what was decided. A targeted write of
    /// the status alone: reading and replacing the whole request opened and re-sealed its personal data for every decision
    /// (a tenth of intake's CPU under load in a profile).
    /// </summary>
    private async Task UpdateAsync(Guid quoteRequestId, string status, CancellationToken cancellationToken)
    {
        switch (await store.MarkDecidedAsync(quoteRequestId, status, time.UtcNow(), cancellationToken))
        {
            case UpdateOutcome.NotFound:
                logger.LogWarning("Status {Status} for unknown quote request {QuoteRequestId} ignored", status, quoteRequestId);
                return;
            case UpdateOutcome.Updated:
                logger.LogInformation("Quote request {QuoteRequestId} is now {Status}", quoteRequestId, status);
                return;
            default:
                return; // a redelivery: already applied
        }
    }
}
