namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>The <c>Bus</c> configuration section.</summary>
public sealed class BusOptions
{
    /// <summary>
    /// <c>RabbitMq</c> (distributed), or <c>InProcess</c> (standalone: MassTransit's mediator, in memory, where a publish
    /// completes when every consumer has handled the event).
    /// </summary>
    public string Transport { get; set; } = "RabbitMq";

    /// <summary>For example amqp://guest:guest@localhost:5672/ (the virtual host is the path).</summary>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Retries of a failing message before it goes to the <c>_error</c> queue (or back to the outbox, in process).</summary>
    public int RetryLimit { get; set; } = 3;

    /// <summary>
    /// Reconnect to a broker that comes back at most 0.5 s apart (<see cref="BrokerReconnect"/>); false keeps MassTransit's
    /// own 3-30 s schedule (for a comparison run of the fault tool).
    /// </summary>
    public bool ReconnectQuickly { get; set; } = true;

    /// <summary><see cref="Transport"/> read (any case); a name that is none of them throws, naming the setting and the allowed names.</summary>
    public BusTransport TransportKind => BusTransportNames.Map.Parse(Transport);

    public bool IsInProcess => TransportKind == BusTransport.InProcess;
}
