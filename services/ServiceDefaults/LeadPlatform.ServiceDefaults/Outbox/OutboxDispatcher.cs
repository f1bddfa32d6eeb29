using MassTransit;
using Microsoft.Extensions.Hosting;
using LeadPlatform.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.ServiceDefaults.Outbox;

/// <summary>
/// Publishes what a service's store holds in its outboxes, then marks it sent.
/// <list type="bullet">
/// <item>On RabbitMQ the publish completes when the broker confirmed it (publisher confirms).</item>
/// <item>In process (the standalone host, MassTransit's mediator) it completes when every consumer has handled the
/// event, so an event is only marked sent once its effects are stored: a kill at any moment loses nothing.</item>
/// </list>
/// A failing event is retried with back-off without holding up the others; when several fail in a row (the broker is
/// down) the round stops and the dispatcher waits. An event can be published twice only if the process dies between
/// the publish and the mark, which is why every event keeps its <c>MessageId</c> and every consumer is idempotent.
/// </summary>
public sealed class OutboxDispatcher(IOutboxStore store, IPublishEndpoint publisher, TimeProvider time, ILogger logger, OutboxOptions options,
    LeadPlatformMetrics? metrics = null)
    : BackgroundService
{
    private const int ConsecutiveFailuresThatStopARound = 3;
    private readonly Dictionary<Guid, (int Attempts, DateTimeOffset NotBefore)> _failures = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, failed) = await DispatchOnceAsync(stoppingToken);
                if (failed > 0) await Task.Delay(options.RetryDelay, time, stoppingToken);
                else if (published == 0) await store.WaitForPendingAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox of {Store} could not be read; retrying in {DelayMs} ms", store.Name, options.RetryDelay.TotalMilliseconds);
                try
                {
                    await Task.Delay(options.RetryDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes everything pending now; returns how many events went out and how many failed.</summary>
    public async Task<(int Published, int Failed)> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var (published, failed, consecutive) = (0, 0, 0);
        var documents = await store.FindPendingOutboxAsync(options.BatchSize, cancellationToken);
        foreach (var document in documents)
        {
            foreach (var entry in document.Outbox.Where(e => e.SentAt is null).ToList())
            {
                if (_failures.TryGetValue(entry.MessageId, out var failure) && failure.NotBefore > time.GetUtcNow()) continue;
                try
                {
                    await PublishAsync(entry, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failed++;
                    metrics?.OutboxFailures.Add(1, new KeyValuePair<string, object?>("store", store.Name));
                    var attempts = failure.Attempts + 1;
                    var delay = TimeSpan.FromTicks(Math.Min(options.RetryDelay.Ticks * (1L << Math.Min(attempts, 10)), options.MaxBackoff.Ticks));
                    _failures[entry.MessageId] = (attempts, time.GetUtcNow() + delay);
                    logger.LogWarning(ex, "Publishing {MessageUrn} {MessageId} from {Store} for lead {LeadId} failed (attempt {Attempt}); retrying in {DelayMs} ms",
                        entry.MessageUrn, entry.MessageId, store.Name, entry.CorrelationId, attempts, delay.TotalMilliseconds);
                    if (++consecutive >= ConsecutiveFailuresThatStopARound) return (published, failed);
                    continue;
                }
                consecutive = 0;
                _failures.Remove(entry.MessageId);
                var sentAt = time.GetUtcNow();
                await store.MarkSentAsync(document.Id, entry.MessageId, sentAt, cancellationToken);
                published++;
                metrics?.OutboxPublished.Add(1, new KeyValuePair<string, object?>("store", store.Name));
                metrics?.OutboxLag.Record((sentAt - entry.CreatedAt).TotalMilliseconds, new KeyValuePair<string, object?>("store", store.Name));
            }
        }
        return (published, failed);
    }

    private async Task PublishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var message = entry.Deserialize(out var type);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        await publisher.Publish(message, type, context =>
        {
            context.MessageId = entry.MessageId;
            context.ConversationId = entry.ConversationId;
            context.CorrelationId = entry.CorrelationId;
        }, timeout.Token);
        logger.LogInformation("Published {MessageType} {MessageId} from {Store} for lead {LeadId} in conversation {ConversationId}",
            type.Name, entry.MessageId, store.Name, entry.CorrelationId, entry.ConversationId);
    }
}
