using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>A channel accepted an outreach that the compliance gate had cleared.</summary>
[MessageUrn("lead-platform:outreach-sent:v1")]
[EntityName("lead-platform.outreach-sent")]
public sealed record OutreachSent
{
    public required Guid LeadId { get; init; }
    public required Guid OutreachId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>email, sms or phone.</summary>
    public required string Channel { get; init; }
    /// <summary>SHA-256 of the message as sent, disclaimers included.</summary>
    public required string MessageHash { get; init; }
    public required IReadOnlyList<string> DisclaimerVersions { get; init; }
    public required Guid EvidenceId { get; init; }
}
