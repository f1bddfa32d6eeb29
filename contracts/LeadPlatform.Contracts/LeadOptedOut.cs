using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>The lead asked not to be contacted on a channel (or on all of them). Every service honours it.</summary>
[MessageUrn("lead-platform:lead-opted-out:v1")]
[EntityName("lead-platform.lead-opted-out")]
public sealed record LeadOptedOut
{
    public required Guid LeadId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>email, sms, phone or all.</summary>
    public required string Channel { get; init; }
    /// <summary>How it came: unsubscribe_link, sms_reply, coordinator.</summary>
    public required string Source { get; init; }
}
