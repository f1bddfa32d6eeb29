using System.Reflection;
using MassTransit;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>
/// How soon receive endpoints (and sends) reconnect after the broker comes back. MassTransit 8's RabbitMQ host retries a
/// lost connection on <c>Exponential(1000, 3 s, 30 s, 3 s)</c>: after a 10 s outage the next attempt of each endpoint
/// came 8–10 s after the broker was back (fault run c1: consuming resumed 8–10 s late, publishing within 1 s, since the
/// outbox's own retry is short). The policy is a get-only property of the host configuration, read when each endpoint
/// starts, so it is replaced before the bus starts: the same exceptions handled (MassTransit's own filter, delegated to),
/// at <see cref="Interval"/> with a little jitter, so consumers resume within about a second of the broker's return.
/// </summary>
public static class BrokerReconnect
{
    /// <summary>The longest wait between two reconnection attempts of one endpoint.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private const int RetryLimit = 60_000;

    /// <summary>Replaces the host's reconnect policy; false when this MassTransit version hides it elsewhere (then MassTransit's own applies).</summary>
    public static bool ReconnectQuickly(IRabbitMqBusFactoryConfigurator configurator)
    {
        var host = configurator.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(configurator);
        var field = FindBackingField(host?.GetType());
        if (host is null || field?.GetValue(host) is not IRetryPolicy original) return false;
        field.SetValue(host, Retry.CreatePolicy(x =>
        {
            x.Handle<Exception>(original.IsHandled);
            // MassTransit precomputes the intervals: 60,000 at most 0.5 s apart keep trying about as long as its own
            // 1,000 up to 30 s apart (8 h), in a 480 KB array per process.
            x.Exponential(RetryLimit, TimeSpan.FromMilliseconds(250), Interval, TimeSpan.FromMilliseconds(100));
        }));
        return true;
    }

    /// <summary>The current reconnect policy of a host configuration (for the test that pins it).</summary>
    public static IRetryPolicy? PolicyOf(IRabbitMqBusFactoryConfigurator configurator)
    {
        var host = configurator.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(configurator);
        return FindBackingField(host?.GetType())?.GetValue(host) as IRetryPolicy;
    }

    private static FieldInfo? FindBackingField(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            var field = type.GetField("<ReceiveTransportRetryPolicy>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            if (field is not null) return field;
        }
        return null;
    }
}
