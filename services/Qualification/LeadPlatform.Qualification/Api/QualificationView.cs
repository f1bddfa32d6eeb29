using LeadPlatform.Contracts;

namespace LeadPlatform.Qualification.Api;

/// <summary>One decision as coordinators and operators read it.</summary>
public sealed record QualificationView(
    Guid QuoteRequestId,
    Guid LeadId,
    string Outcome,
    string? Tier,
    int Score,
    IReadOnlyList<ScoreReason> Reasons,
    IReadOnlyList<string> Flags,
    IReadOnlyList<DisqualificationReason> Disqualifications,
    string RuleSetVersion,
    DateTimeOffset DecidedAt,
    string Trigger,
    bool Current);
