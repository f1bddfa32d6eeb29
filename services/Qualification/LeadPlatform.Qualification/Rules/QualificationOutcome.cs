using LeadPlatform.Contracts;

namespace LeadPlatform.Qualification.Rules;

/// <summary>What the rules decided for one quote request, and why, point by point.</summary>
public sealed record QualificationOutcome
{
    public required bool Eligible { get; init; }
    /// <summary>A, B or C when eligible (after clinical flags capped or lowered it); empty when not.</summary>
    public required string Tier { get; init; }
    /// <summary>Exactly the sum of <see cref="Reasons"/>' points. Computed for ineligible requests too.</summary>
    public required int Score { get; init; }
    /// <summary>Every contribution to the score, in rule-set order.</summary>
    public required IReadOnlyList<ScoreReason> Reasons { get; init; }
    /// <summary>Clinical appropriateness flags (for example no_conservative_care): shown to coordinators, never a drop.</summary>
    public required IReadOnlyList<string> Flags { get; init; }
    /// <summary>Why the request is not eligible; empty when it is.</summary>
    public required IReadOnlyList<DisqualificationReason> Disqualifications { get; init; }
    public required string RuleSetVersion { get; init; }
    /// <summary>The tier the score alone reaches, before flags cap or lower it; empty when not eligible.</summary>
    public string ScoreTier { get; init; } = string.Empty;
}
