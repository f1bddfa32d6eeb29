using MassTransit;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Every receive endpoint is named by the service that owns it: <c>{service}-{consumer}</c> in kebab case
/// (<c>intake-lead-erasure-requested</c>, <c>qualification-lead-erasure-requested</c>). Names derived from the consumer
/// alone let two services' consumers of one event share a queue, and RabbitMQ then gives each message to only one of
/// them (issue 14: an erasure reached intake or qualification, never both). See deploy/README.md for moving messages
/// left in the queues of the old names.
/// </summary>
public static class ServiceEndpoints
{
    /// <summary>The endpoint name of <typeparamref name="T"/> in <paramref name="service"/> (lower-case, kebab-case).</summary>
    public static string NameOf<T>(string service) where T : class, IConsumer =>
        $"{service.ToLowerInvariant()}-{KebabCaseEndpointNameFormatter.Instance.Consumer<T>()}";

    /// <summary>Adds the consumer on its own endpoint, named by the service (a no-op for the name on the in-process mediator).</summary>
    public static void AddServiceConsumer<T>(this IRegistrationConfigurator bus, string service) where T : class, IConsumer =>
        bus.AddConsumer<T>().Endpoint(e => e.Name = NameOf<T>(service));
}
