namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>How the services exchange messages (<c>Bus:Transport</c>).</summary>
public enum BusTransport
{
    /// <summary>RabbitMQ: the distributed shape.</summary>
    RabbitMq = 0,

    /// <summary>MassTransit's mediator, in memory, where a publish completes when every consumer has handled the event (standalone).</summary>
    InProcess = 1,
}
