using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace LeadPlatform.LoadTool;

/// <summary>
/// The broker's ceiling for the pipeline's shape, with the plain RabbitMQ client and nothing else: the same number of
/// messages of the same sizes, through the same hops as a quote request (intake → qualification → follow-up, then the
/// task event): durable queues, persistent messages, publisher confirms awaited before each message is acknowledged,
/// manual acks, one connection per stage as one per service, prefetch and concurrency as MassTransit's defaults.
/// </summary>
internal static class BrokerCeiling
{
    public const int Prefetch = 16;
    private const int OutstandingPublishes = 128;
    private const string SentHeader = "sent";

    public static async Task<CeilingResult> RunAsync(string rabbitMqUri, int count, IReadOnlyList<int> sizes, Action<int>? progress,
        CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var queues = Enumerable.Range(1, sizes.Count).Select(i => $"loadtool-ceiling-{run}-hop{i}").ToArray();
        var bodies = sizes.Select(size => Enumerable.Range(0, size).Select(i => (byte)('a' + i % 26)).ToArray()).ToArray();
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMqUri) };
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(OutstandingPublishes), consumerDispatchConcurrency: Prefetch);
        var connections = new List<IConnection>();
        var latencies = new double[count];
        var done = 0;
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            async Task<IChannel> ChannelAsync(string name)
            {
                var connection = await factory.CreateConnectionAsync($"leadplatform-loadtool-{name}", cancellationToken);
                connections.Add(connection);
                return await connection.CreateChannelAsync(options, cancellationToken);
            }

            var setup = await ChannelAsync("setup");
            foreach (var queue in queues) await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);

            // Each stage consumes hop i and, for all but the last, publishes hop i+1 (confirmed) before acknowledging.
            for (var hop = 0; hop < queues.Length; hop++)
            {
                var channel = await ChannelAsync($"stage{hop + 1}");
                await channel.BasicQosAsync(0, Prefetch, false, cancellationToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                var next = hop + 1 < queues.Length ? queues[hop + 1] : null;
                var nextBody = next is null ? null : bodies[hop + 1];
                consumer.ReceivedAsync += async (_, delivery) =>
                {
                    var sent = (long)delivery.BasicProperties.Headers![SentHeader]!;
                    if (next is not null)
                    {
                        await channel.BasicPublishAsync(string.Empty, next, mandatory: false, Properties(sent), nextBody, cancellationToken);
                    }
                    else
                    {
                        var n = Interlocked.Increment(ref done);
                        if (n <= count) latencies[n - 1] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                        progress?.Invoke(n);
                        if (n == count) finished.TrySetResult();
                    }
                    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                };
                await channel.BasicConsumeAsync(queues[hop], autoAck: false, consumer, cancellationToken);
            }

            var publisher = await ChannelAsync("publisher");
            var clock = Stopwatch.StartNew();
            using (var window = new SemaphoreSlim(OutstandingPublishes))
            {
                var publishes = new List<Task>(count);
                for (var i = 0; i < count; i++)
                {
                    await window.WaitAsync(cancellationToken);
                    publishes.Add(PublishAsync(publisher, queues[0], bodies[0], window, cancellationToken));
                }
                await Task.WhenAll(publishes);
            }
            await finished.Task.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
            var elapsed = clock.Elapsed;
            foreach (var queue in queues) await setup.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
            return new CeilingResult("broker ceiling (RabbitMQ.Client, 3 hops)", count, elapsed, LatencySummary.Of(latencies), 0);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.CloseAsync(CancellationToken.None);
                connection.Dispose();
            }
        }
    }

    private static async Task PublishAsync(IChannel channel, string queue, byte[] body, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        try
        {
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, Properties(Stopwatch.GetTimestamp()), body, cancellationToken);
        }
        finally
        {
            window.Release();
        }
    }

    private static BasicProperties Properties(long sent) => new()
    {
        Persistent = true,
        ContentType = "application/vnd.masstransit+json",
        Headers = new Dictionary<string, object?> { [SentHeader] = sent },
    };
}
