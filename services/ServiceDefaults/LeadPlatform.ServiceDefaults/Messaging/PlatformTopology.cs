using LeadPlatform.Contracts;
using MassTransit;
using RabbitMQ.Client;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Every service's queues and what each takes, declared by every service before its outbox publishes anything, the way
/// MassTransit declares them (a durable queue, a fanout exchange of the queue's name bound to it, and each message's
/// exchange bound to that): an event published before its consumer's service ever started waits in that consumer's queue
/// instead of reaching only the subscribers that happened to be up (RabbitMQ routes a message to the queues bound at that
/// moment; a mandatory return only helps when none is). Services may then start in any order. The test
/// <c>Declaring_the_platform_s_queues</c> keeps this table equal to what the three hosts register.
/// </summary>
public static class PlatformTopology
{
    public static readonly IReadOnlyList<(string Queue, Type[] Messages)> Subscriptions =
    [
        ("intake-quote-request-status", [typeof(LeadQualified), typeof(LeadDisqualified)]),
        ("intake-lead-data-erased", [typeof(LeadDataErased)]),
        ("intake-lead-erasure-requested", [typeof(LeadErasureRequested)]),
        ("intake-quote-requests-follow-merge", [typeof(LeadsMerged)]),
        ("intake-quote-requests-follow-unmerge", [typeof(LeadsUnmerged)]),
        ("qualification-qualify-quote-request", [typeof(QuoteRequestSubmitted)]),
        ("qualification-lead-opted-out", [typeof(LeadOptedOut)]),
        ("qualification-lead-erasure-requested", [typeof(LeadErasureRequested)]),
        ("qualification-decisions-follow-merge", [typeof(LeadsMerged)]),
        ("qualification-decisions-follow-unmerge", [typeof(LeadsUnmerged)]),
        ("followup-lead-journey", [typeof(QuoteRequestSubmitted), typeof(LeadQualified), typeof(LeadDisqualified), typeof(LeadOptedOut)]),
        ("followup-acknowledgement", [typeof(FollowUpTaskCreated)]),
        ("followup-lead-erasure", [typeof(LeadErasureRequested)]),
        ("followup-webhook-event", [typeof(LeadQualified), typeof(OutreachSent), typeof(LeadOptedOut), typeof(LeadDataErased)]),
    ];

    /// <summary>The exchange MassTransit publishes <paramref name="message"/> to (its <c>[EntityName]</c>).</summary>
    public static string ExchangeOf(Type message) =>
        (message.GetCustomAttributes(typeof(EntityNameAttribute), false).SingleOrDefault() as EntityNameAttribute)?.EntityName
        ?? throw new ArgumentException($"{message.Name} has no [EntityName].", nameof(message));

    /// <summary>Declares every queue, exchange and binding (idempotent: declaring what exists changes nothing).</summary>
    public static async Task DeclareAsync(Uri broker, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "LeadPlatform topology" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var (queue, messages) in Subscriptions)
        {
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, string.Empty, cancellationToken: cancellationToken);
            foreach (var message in messages)
            {
                var exchange = ExchangeOf(message);
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.ExchangeBindAsync(queue, exchange, string.Empty, cancellationToken: cancellationToken);
            }
        }
    }
}
