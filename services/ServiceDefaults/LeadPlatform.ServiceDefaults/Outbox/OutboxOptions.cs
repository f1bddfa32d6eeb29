namespace LeadPlatform.ServiceDefaults.Outbox;

/// <summary>The <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks even without a local write (another replica, a restart).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long one publish may take (a broker that does not confirm in time counts as down).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>The first wait after a failure; it doubles per failed attempt of the same event up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>
    /// How often an event that RabbitMQ returned unrouted (no queue bound for it yet) is tried again: fixed, not growing,
    /// so that it arrives within this long of its consumer's queue appearing, whenever that service starts.
    /// </summary>
    public TimeSpan UnroutedRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);
    public int BatchSize { get; set; } = 100;
    /// <summary>
    /// How many documents' events are published at once (each document's own events stay in order). 1 publishes one
    /// event at a time, waiting for each confirm: under load, one event per broker round trip and store write.
    /// </summary>
    public int MaxConcurrentPublishes { get; set; } = 16;

    /// <summary>
    /// Whether each event is claimed in the store before it is published, so that replicas sharing a database do not
    /// publish it twice (one more store write per event). Unset: on for MongoDB, off for LiteDB (a file has one process).
    /// </summary>
    public bool? ClaimBeforePublish { get; set; }

    /// <summary>
    /// More events (by message type name) that may be published with nobody subscribed, beside those whose contract
    /// carries <see cref="LeadPlatform.Contracts.MayGoUnroutedAttribute"/>: everything else is published mandatory on
    /// RabbitMQ, so an event no queue takes (no consumer bound yet, or the broker stopping its queues) is returned and
    /// stays in the outbox to be retried, instead of being confirmed and dropped. Empty by default.
    /// </summary>
    public List<string> MayGoUnrouted { get; set; } = [];

    /// <summary>How long a claim holds: a replica that dies after claiming delays its events by this much.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);
}
