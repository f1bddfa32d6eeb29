using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Waits until this service's bus has started once (every receive endpoint connected, so its queues are declared and
/// bound on the broker), then declares every other service's queues too (<see cref="PlatformTopology"/>). The outbox publishes nothing before, so no answer to one of this service's events can reach the
/// broker before the queue that waits for it (intake answered ready, accepted a request and published it while its own
/// <c>LeadQualified</c> queue was still being declared: qualification's answer went to follow-up only, and intake never
/// learned the request was decided).
/// </summary>
public static class BusStartup
{
    /// <summary>Once the queues exist they are durable: later outages do not make the outbox wait here again.</summary>
    public static Func<CancellationToken, Task> UntilStartedOnce(IServiceProvider services) => async cancellationToken =>
    {
        // Only on RabbitMQ as AddLeadPlatformBus configures it: MassTransit's test harness (an in-memory bus, no BusOptions)
        // has no broker to declare on.
        if (services.GetService<IBusControl>() is not { } bus || services.GetService<BusOptions>() is not { } options
            || !bus.Address.Scheme.StartsWith("rabbitmq", StringComparison.OrdinalIgnoreCase)) return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BusStartup).FullName!);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (bus.CheckHealth().Status == BusHealthStatus.Healthy)
            {
                try
                {
                    await PlatformTopology.DeclareAsync(new Uri(options.RabbitMqUri), cancellationToken);
                    logger.LogInformation("Bus started and the platform's queues declared after {ElapsedMs} ms: the outbox publishes from now on", started.ElapsedMilliseconds);
                    return;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Declaring the platform's queues failed; trying again in {DelayMs} ms", 1000);
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
    };
}
