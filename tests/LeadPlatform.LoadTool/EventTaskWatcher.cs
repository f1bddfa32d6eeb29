using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace LeadPlatform.LoadTool;

/// <summary>
/// Listens on the broker to the pipeline's own events: a private queue bound to the exchanges of
/// QuoteRequestSubmitted (intake's receivedAt is its occurredAt) and FollowUpTaskCreated (the task's createdAt),
/// and LeadQualified, for the sizes of the messages of each hop. No polling; one more copy of two events per request
/// for the broker.
/// </summary>
internal sealed class EventTaskWatcher : TaskWatcher
{
    public const string Submitted = "lead-platform.quote-request-submitted";
    public const string Qualified = "lead-platform.lead-qualified";
    public const string TaskCreated = "lead-platform.follow-up-task-created";
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Dictionary<string, (long Bytes, long Count)> _sizes = new(StringComparer.Ordinal);

    private EventTaskWatcher(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public override string Method => "events on the broker (QuoteRequestSubmitted.occurredAt → FollowUpTaskCreated.occurredAt)";

    public static async Task<EventTaskWatcher> StartAsync(string rabbitMqUri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMqUri), ClientProvidedName = "leadplatform-loadtool-tap" };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var watcher = new EventTaskWatcher(connection, channel);
        var queue = (await channel.QueueDeclareAsync($"loadtool-tap-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var exchange in new[] { Submitted, Qualified, TaskCreated })
        {
            // The exchanges exist once the consumers are up; declaring them as MassTransit does (fanout, durable) is harmless.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, string.Empty);
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            watcher.Observe(delivery.Exchange, delivery.Body.Span);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return watcher;
    }

    /// <summary>Mean body size in bytes of the messages seen per hop: submitted, qualified, task created.</summary>
    public IReadOnlyDictionary<string, int> MessageSizes()
    {
        lock (_sizes) return _sizes.ToDictionary(p => p.Key, p => (int)(p.Value.Bytes / Math.Max(1, p.Value.Count)), StringComparer.Ordinal);
    }

    private void Observe(string exchange, ReadOnlySpan<byte> body)
    {
        lock (_sizes)
        {
            var (bytes, count) = _sizes.GetValueOrDefault(exchange);
            _sizes[exchange] = (bytes + body.Length, count + 1);
        }
        if (exchange == Qualified) return;
        try
        {
            using var envelope = JsonDocument.Parse(body.ToArray());
            var message = envelope.RootElement.GetProperty("message");
            var id = message.GetProperty("quoteRequestId").GetGuid();
            var at = message.GetProperty("occurredAt").GetDateTimeOffset();
            if (exchange == Submitted) ReceivedAt.TryAdd(id, at);
            else TaskCreatedAt.TryAdd(id, at);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Not one of ours: ignore.
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
