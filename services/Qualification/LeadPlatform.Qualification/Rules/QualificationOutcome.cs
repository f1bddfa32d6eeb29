using LeadPlatform.Contracts;

namespace LeadPlatform.Qualification.Rules;

/// <summary>What the rules decided for one quote request, and why, point by point.</summary>
public sealed record QualificationOutcome
{
    public required bool Eligible { get; init; }
    /// <summary>A, B or C when eligible; empty when not.</summary>
    public required string Tier { get; init; }
    public required int Score { get; init; }
    public required IReadOnlyList<ScoreReason> Reasons { get; init; }
    public required IReadOnlyList<string> Flags { get; init; }
    public required IReadOnlyList<DisqualificationReason> Disqualifications { get; init; }
    public required string RuleSetVersion { get; init; }
}
