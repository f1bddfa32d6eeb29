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

    /// <summary>Intake keeps only that the request was decided, not the tier: it tells no one what was decided.</summary>
    private async Task UpdateAsync(Guid quoteRequestId, string status, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(quoteRequestId, cancellationToken);
        if (document is null)
        {
            logger.LogWarning("Status {Status} for unknown quote request {QuoteRequestId} ignored", status, quoteRequestId);
            return;
        }
        if (document.Status == status && document.Tier is null) return; // a redelivery: already applied
        document.Status = status;
        document.Tier = null;
        document.UpdatedAt = time.UtcNow();
        await store.ReplaceAsync(document, cancellationToken);
        logger.LogInformation("Quote request {QuoteRequestId} is now {Status}", quoteRequestId, status);
    }
}
