using System.Collections.Concurrent;
using LeadPlatform.Contracts;
using MassTransit;
using Microsoft.Extensions.Hosting;
using LeadPlatform.ServiceDefaults.Telemetry;
using LeadPlatform.Storage.Outbox;
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
/// down) the round stops and the dispatcher waits. With <paramref name="claims"/> (replicas sharing a database), each
/// event is claimed in the store first and only the claimant publishes it. An event can be published twice only if the
/// process dies between the publish and the mark (or a publish outlasts its claim), which is why every event keeps its
/// <c>MessageId</c> and every consumer is idempotent.
/// <para>
/// Nothing is published before <paramref name="untilOwnQueuesExist"/> completes (on RabbitMQ: this service's bus has
/// started once, its queues declared and bound), so an answer to an event of this service can never reach the broker
/// before the queue that waits for it. An event that no queue takes yet (its consumer's service has not started once)
/// comes back (mandatory) and is tried again every <see cref="OutboxOptions.UnroutedRetryDelay"/>, without growing
/// back-off: the broker is up, and the event arrives within that interval of its consumer's queue appearing.
/// </para>
/// </summary>
public sealed class OutboxDispatcher(IOutboxStore store, IPublishEndpoint publisher, TimeProvider time, ILogger logger, OutboxOptions options,
    LeadPlatformMetrics? metrics = null, bool claims = false, Func<CancellationToken, Task>? untilOwnQueuesExist = null)
    : BackgroundService
{
    /// <summary>This dispatcher, among the replicas' (a claim names it).</summary>
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private const int ConsecutiveFailuresThatStopARound = 3;
    private readonly ConcurrentDictionary<Guid, (int Attempts, DateTimeOffset NotBefore)> _failures = new();
    /// <summary>1 once several publishes failed in a row (the broker looked down), until one succeeds again.</summary>
    private int _outage;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (untilOwnQueuesExist is not null) await untilOwnQueuesExist(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, failed) = await DispatchOnceAsync(stoppingToken);
                if (failed > 0) await Task.Delay(Min(options.RetryDelay, options.UnroutedRetryDelay), time, stoppingToken);
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

    /// <summary>
    /// Publishes everything pending now; returns how many events went out and how many failed. Documents are worked on
    /// side by side (up to <see cref="OutboxOptions.MaxConcurrentPublishes"/>), each document's events in order: one at a
    /// time, each publish waits for the broker's confirm, so a busy machine's scheduling delays would otherwise cap a
    /// service at one event per round trip.
    /// </summary>
    public async Task<(int Published, int Failed)> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var (published, failed, consecutive, stopped) = (0, 0, 0, false);
        var documents = await store.FindPendingOutboxAsync(options.BatchSize, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentPublishes), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(documents, parallel, async (document, token) =>
        {
            foreach (var entry in document.Outbox.Where(e => e.SentAt is null).ToList())
            {
                if (Volatile.Read(ref stopped)) return;
                var now = time.GetUtcNow();
                if (_failures.TryGetValue(entry.MessageId, out var failure) && failure.NotBefore > now) continue;
                // Another replica's (or a lost race): its later events wait for it, as for a failure, without counting one.
                if (claims && !await store.TryClaimAsync(document.Id, entry.MessageId, _owner, now, now + options.ClaimLease, token)) return;
                try
                {
                    await PublishAsync(entry, token);
                }
                catch (Exception ex) when (!token.IsCancellationRequested && IsUnrouted(ex))
                {
                    // The broker is up and answered at once: nobody subscribes yet. Not a broker failure (no back-off, the
                    // round goes on); the document's later events wait for this one, as for any failure.
                    Interlocked.Increment(ref failed);
                    var attempts = failure.Attempts + 1;
                    _failures[entry.MessageId] = (attempts, time.GetUtcNow() + options.UnroutedRetryDelay);
                    metrics?.OutboxFailures.Add(1, new KeyValuePair<string, object?>("store", store.Name), new KeyValuePair<string, object?>("reason", "unrouted"));
                    if (attempts == 1 || attempts % 100 == 0)
                        logger.LogWarning("No queue takes {MessageUrn} {MessageId} from {Store} for lead {LeadId} yet (attempt {Attempt}): is its consumer's service running? Retrying every {DelayMs} ms",
                            entry.MessageUrn, entry.MessageId, store.Name, entry.CorrelationId, attempts, options.UnroutedRetryDelay.TotalMilliseconds);
                    return;
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    metrics?.OutboxFailures.Add(1, new KeyValuePair<string, object?>("store", store.Name));
                    var attempts = failure.Attempts + 1;
                    var delay = TimeSpan.FromTicks(Math.Min(options.RetryDelay.Ticks * (1L << Math.Min(attempts, 10)), options.MaxBackoff.Ticks));
                    _failures[entry.MessageId] = (attempts, time.GetUtcNow() + delay);
                    logger.LogWarning(ex, "Publishing {MessageUrn} {MessageId} from {Store} for lead {LeadId} failed (attempt {Attempt}); retrying in {DelayMs} ms",
                        entry.MessageUrn, entry.MessageId, store.Name, entry.CorrelationId, attempts, delay.TotalMilliseconds);
                    if (Interlocked.Increment(ref consecutive) >= ConsecutiveFailuresThatStopARound)
                    {
                        Volatile.Write(ref stopped, true);
                        Volatile.Write(ref _outage, 1);
                    }
                    // The document's later events wait for this one: they are published in order.
                    return;
                }
                Volatile.Write(ref consecutive, 0);
                _failures.TryRemove(entry.MessageId, out _);
                // The broker takes events again: what failed while it was away goes in the next round, not after its back-off
                // (which grew to MaxBackoff during a long outage and held those leads back that much after the broker returned).
                if (Interlocked.Exchange(ref _outage, 0) == 1) ForgetBackoff();
                var sentAt = time.GetUtcNow();
                await store.MarkSentAsync(document.Id, entry.MessageId, sentAt, token);
                Interlocked.Increment(ref published);
                metrics?.OutboxPublished.Add(1, new KeyValuePair<string, object?>("store", store.Name));
                metrics?.OutboxLag.Record((sentAt - entry.CreatedAt).TotalMilliseconds, new KeyValuePair<string, object?>("store", store.Name));
            }
        });
        return (published, failed);
    }

    private void ForgetBackoff()
    {
        foreach (var (id, failure) in _failures) _failures.TryUpdate(id, (failure.Attempts, DateTimeOffset.MinValue), failure);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>RabbitMQ returned the (mandatory) message: no queue is bound for it.</summary>
    private bool MayGoUnrouted(Type type) =>
        type.IsDefined(typeof(MayGoUnroutedAttribute), inherit: false) || options.MayGoUnrouted.Contains(type.Name, StringComparer.Ordinal);

    private static bool IsUnrouted(Exception exception) =>
        exception is MessageReturnedException || exception.InnerException is MessageReturnedException;

    private async Task PublishAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var message = entry.Deserialize(out var type);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        // The token is not always honoured while the bus reconnects: the dispatcher stops waiting anyway, counts the
        // publish failed and tries again later (if the abandoned publish does go out, it is a duplicate with the same MessageId).
        var mandatory = !MayGoUnrouted(type);
        await publisher.Publish(message, type, context =>
        {
            context.MessageId = entry.MessageId;
            context.ConversationId = entry.ConversationId;
            context.CorrelationId = entry.CorrelationId;
            // RabbitMQ confirms a message that no queue took; mandatory makes it come back as a failed publish instead.
            if (mandatory && context.TryGetPayload<RabbitMqSendContext>(out var rabbit)) rabbit.Mandatory = true;
        }, timeout.Token).WaitAsync(options.PublishTimeout + TimeSpan.FromSeconds(1), cancellationToken);
        logger.LogInformation("Published {MessageType} {MessageId} from {Store} for lead {LeadId} in conversation {ConversationId}",
            type.Name, entry.MessageId, store.Name, entry.CorrelationId, entry.ConversationId);
    }
}
