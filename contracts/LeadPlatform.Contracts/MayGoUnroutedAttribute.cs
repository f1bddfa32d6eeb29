namespace LeadPlatform.Contracts;

/// <summary>
/// An event the platform publishes for whoever may want it, with no queue of its own services bound to it: it may be
/// published with nobody subscribed. Every event without this mark is published mandatory on RabbitMQ, so one that
/// no queue takes (no consumer bound yet, or the broker stopping its queues) comes back and waits in the outbox
/// instead of being confirmed and dropped. The mark belongs to the contract, beside the reason, so a new event is
/// safe (mandatory) unless its author decides otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MayGoUnroutedAttribute(string reason) : Attribute
{
    /// <summary>Why losing this event when nobody listens is acceptable.</summary>
    public string Reason { get; } = reason;
}
