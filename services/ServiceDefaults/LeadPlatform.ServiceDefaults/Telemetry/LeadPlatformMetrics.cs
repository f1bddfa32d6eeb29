using System.Diagnostics.Metrics;

namespace LeadPlatform.ServiceDefaults.Telemetry;

/// <summary>LeadPlatform's own instruments, in the <c>LeadPlatform</c> meter.</summary>
public sealed class LeadPlatformMetrics
{
    public const string MeterName = "LeadPlatform";

    public LeadPlatformMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        OutboxPublished = meter.CreateCounter<long>("leadplatform.outbox.published", "{event}", "Events published from an outbox.");
        OutboxLag = meter.CreateHistogram<double>("leadplatform.outbox.lag", "ms", "From the write that stored an event to its publication.");
        OutboxFailures = meter.CreateCounter<long>("leadplatform.outbox.failures", "{attempt}", "Failed attempts to publish an outbox event.");
        MessageLag = meter.CreateHistogram<double>("leadplatform.message.lag", "ms", "Queue lag: from a message's send time to the start of its handling.");
        SpeedToLead = meter.CreateHistogram<double>("leadplatform.speed_to_lead", "ms",
            "From a lead's first submission to its first outreach sent, per kind (acknowledgement, coordinator) and channel.");
        MessageHandling = meter.CreateHistogram<double>("leadplatform.message.handling", "ms", "How long handling a consumed message took (tags: message type, outcome).");
    }

    public Counter<long> OutboxPublished { get; }
    public Histogram<double> OutboxLag { get; }
    public Counter<long> OutboxFailures { get; }
    public Histogram<double> MessageLag { get; }
    public Histogram<double> MessageHandling { get; }
    public Histogram<double> SpeedToLead { get; }
}
