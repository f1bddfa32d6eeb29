using System.Collections.Concurrent;
using LeadPlatform.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// A consumer of intake's <see cref="QuoteRequestSubmitted"/> on a real broker, in a durable queue of its own (so nothing
/// published while it reconnects is lost), counting what arrives: by quote request, with each delivery's MessageId.
/// </summary>
internal sealed class Downstream : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<Guid>> _messageIds = new();
    private int _deliveries;
    private IHost? _host;

    public int Distinct => _messageIds.Count;
    public int Deliveries => Volatile.Read(ref _deliveries);
    public IEnumerable<Guid> QuoteRequestIds => _messageIds.Keys;
    public IEnumerable<KeyValuePair<Guid, ConcurrentQueue<Guid>>> MessageIdsPerRequest => _messageIds;

    /// <param name="exactQueue">Consume from the queue named <paramref name="queuePrefix"/> itself (a queue of the platform's topology), not a new one.</param>
    public static async Task<Downstream> StartAsync(string uri, string queuePrefix, bool exactQueue = false)
    {
        var downstream = new Downstream();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(downstream);
        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<Counter>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(uri));
                cfg.ReceiveEndpoint(exactQueue ? queuePrefix : $"{queuePrefix}-{Guid.NewGuid():N}", e => e.ConfigureConsumer<Counter>(context));
            });
        });
        downstream._host = builder.Build();
        await downstream._host.StartAsync();
        return downstream;
    }

    private void Record(Guid quoteRequestId, Guid messageId)
    {
        Interlocked.Increment(ref _deliveries);
        _messageIds.GetOrAdd(quoteRequestId, _ => new()).Enqueue(messageId);
    }

    public void Dispose() => _host?.Dispose();

    private sealed class Counter(Downstream downstream) : IConsumer<QuoteRequestSubmitted>
    {
        public Task Consume(ConsumeContext<QuoteRequestSubmitted> context)
        {
            downstream.Record(context.Message.QuoteRequestId, context.MessageId ?? Guid.Empty);
            return Task.CompletedTask;
        }
    }
}
