using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>Qualification found the request not eligible; the reasons say why.</summary>
[MessageUrn("lead-platform:lead-disqualified:v1")]
[EntityName("lead-platform.lead-disqualified")]
public sealed record LeadDisqualified
{
    public required Guid LeadId { get; init; }
    public required Guid QuoteRequestId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required IReadOnlyList<DisqualificationReason> Reasons { get; init; }
    public required string RuleSetVersion { get; init; }
}
