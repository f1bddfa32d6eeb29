using LeadPlatform.Contracts;

namespace LeadPlatform.Qualification.Rules;

/// <summary>What a known condition code earns and whether it counts as "other".</summary>
internal sealed record ConditionRule(ScoreReason? Points, bool IsOther);
