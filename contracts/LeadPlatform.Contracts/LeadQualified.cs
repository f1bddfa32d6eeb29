using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>Qualification found the lead eligible, with a score a coordinator can read point by point.</summary>
[MessageUrn("lead-platform:lead-qualified:v1")]
[EntityName("lead-platform.lead-qualified")]
public sealed record LeadQualified
{
    public required Guid LeadId { get; init; }
    public required Guid QuoteRequestId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>A, B or C.</summary>
    public required string Tier { get; init; }
    public required int Score { get; init; }
    public required IReadOnlyList<ScoreReason> Reasons { get; init; }
    /// <summary>Clinical appropriateness flags: recorded and shown, never a silent drop.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    public required string RuleSetVersion { get; init; }
}
