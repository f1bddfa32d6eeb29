using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace LeadPlatform.LoadTool;

/// <summary>
/// The depth (ready messages) of the services' queues, once a second, by a passive queue declare over AMQP: no
/// management plugin, and far cheaper than running rabbitmqctl (an Erlang VM each time) on a busy machine.
/// </summary>
internal sealed class QueueSampler : IAsyncDisposable
{
    /// <summary>The services' receive endpoints (each {service}-{consumer}, see ServiceEndpoints), when they cannot be listed.</summary>
    private static readonly string[] KnownQueues = ["qualification-qualify-quote-request", "followup-lead-journey", "followup-acknowledgement", "intake-quote-request-status", "qualification-lead-opted-out"];
    private readonly IConnection _connection;
    private readonly IReadOnlyList<string> _queues;
    private readonly List<QueueSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task? _loop;

    private QueueSampler(IConnection connection, IReadOnlyList<string> queues) => (_connection, _queues) = (connection, queues);

    public IReadOnlyList<string> Queues => _queues;

    public static async Task<QueueSampler> StartAsync(string rabbitMqUri, IEnumerable<string>? listed)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(rabbitMqUri), ClientProvidedName = "leadplatform-loadtool-queues" }.CreateConnectionAsync();
        var queues = new List<string>();
        foreach (var queue in (listed ?? KnownQueues).Where(q => !q.StartsWith("loadtool-", StringComparison.Ordinal)).Distinct())
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueueDeclarePassiveAsync(queue);
                queues.Add(queue);
            }
            catch (OperationInterruptedException)
            {
                // Not there (the channel is closed by the broker).
            }
        }
        var sampler = new QueueSampler(connection, queues);
        return sampler;
    }

    public void Start()
    {
        _clock.Restart();
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        await using var channel = await _connection.CreateChannelAsync();
        while (!_stop.IsCancellationRequested)
        {
            var depths = new Dictionary<string, uint>(StringComparer.Ordinal);
            foreach (var queue in _queues)
            {
                try
                {
                    depths[queue] = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
                }
                catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException)
                {
                    return;
                }
            }
            lock (_samples) _samples.Add(new QueueSample(_clock.Elapsed.TotalSeconds, depths));
            try
            {
                await Task.Delay(1000, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public int LatestTotal
    {
        get
        {
            lock (_samples) return _samples.Count == 0 ? 0 : (int)_samples[^1].Depths.Values.Sum(v => v);
        }
    }

    public async Task<IReadOnlyList<QueueSample>> StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        lock (_samples) return _samples.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
        _stop.Dispose();
    }
}
