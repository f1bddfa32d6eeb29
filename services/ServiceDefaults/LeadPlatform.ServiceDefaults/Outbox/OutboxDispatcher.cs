using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.ServiceDefaults.Outbox;

/// <summary>
/// Publishes what a service's store holds in its outboxes (publisher confirms on RabbitMQ), then marks it sent.
/// When the broker is down it keeps the events and tries again with back-off; nothing is dropped. An event can be
/// published twice only if the process dies between the broker's confirm and the mark, which is why every consumer
/// is idempotent and every event keeps its <c>MessageId</c>.
/// </summary>
public sealed class OutboxDispatcher(IOutboxStore store, IBus bus, TimeProvider time, ILogger logger, OutboxOptions options)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await DispatchOnceAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (published == 0) await store.WaitForPendingAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
                logger.LogWarning(ex, "Outbox of {Store} could not publish; retrying in {BackoffMs} ms", store.Name, backoff.TotalMilliseconds);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes everything pending now; returns how many events went out.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        var documents = await store.FindPendingOutboxAsync(options.BatchSize, cancellationToken);
        foreach (var document in documents)
        {
            foreach (var entry in document.Outbox.Where(e => e.SentAt is null).ToList())
            {
                var message = entry.Deserialize(out var type);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.PublishTimeout);
                await bus.Publish(message, type, context =>
                {
                    context.MessageId = entry.MessageId;
                    context.ConversationId = entry.ConversationId;
                    context.CorrelationId = entry.CorrelationId;
                }, timeout.Token);
                await store.MarkSentAsync(document.Id, entry.MessageId, time.GetUtcNow(), cancellationToken);
                published++;
                logger.LogInformation("Published {MessageType} {MessageId} from {Store} for lead {LeadId} in conversation {ConversationId}",
                    type.Name, entry.MessageId, store.Name, entry.CorrelationId, entry.ConversationId);
            }
        }
        return published;
    }
}
