using MassTransit;

namespace LeadPlatform.ServiceDefaults.Outbox;

/// <summary>Where outbox dispatchers publish: the bus (RabbitMQ), or the mediator in process (standalone).</summary>
public sealed record OutboxTarget(IPublishEndpoint Endpoint);
