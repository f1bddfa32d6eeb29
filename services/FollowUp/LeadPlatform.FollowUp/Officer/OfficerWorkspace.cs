namespace LeadPlatform.FollowUp.Officer;

/// <summary>What the compliance officer reads across leads for a period.</summary>
public sealed record OfficerWorkspace(
    ReportPeriod Period,
    int EvidenceCount,
    int BrokenChains,
    IReadOnlyList<WithheldAttempt> Withheld,
    IReadOnlyList<(string Key, int Count)> WithheldByCoordinator,
    IReadOnlyList<(string Key, int Count)> WithheldByRule,
    IReadOnlyList<(string Key, int Count)> WithheldByLanguage,
    IReadOnlyList<ReviewLine> Reviews,
    IReadOnlyList<ChangeLine> Changes,
    IReadOnlyList<MinorOutreachLine> MinorOutreach,
    IReadOnlyList<OptOutLine> OptOuts,
    bool Truncated);

/// <summary>A blocked or held attempt.</summary>
public sealed record WithheldAttempt(DateTimeOffset At, Guid LeadId, string LeadReference, string Channel, string Decision, string Author,
    IReadOnlyList<string> Rules, string Language);

/// <summary>A message held for review and what became of it.</summary>
public sealed record ReviewLine(DateTimeOffset At, Guid ReviewId, Guid LeadId, string LeadReference, string Channel, string Author, string Status,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason);

/// <summary>A status change or an eligibility override.</summary>
public sealed record ChangeLine(DateTimeOffset At, Guid LeadId, string LeadReference, string Kind, string Actor, string What);

/// <summary>An outreach that went to a lead known to be under 18 at that moment.</summary>
public sealed record MinorOutreachLine(DateTimeOffset At, Guid LeadId, string LeadReference, string Channel, string Kind, string Author, Guid EvidenceId);

/// <summary>An opt-out: when it was asked for, when follow-up honoured it, and whether anything went out on that channel after.</summary>
public sealed record OptOutLine(DateTimeOffset RequestedAt, DateTimeOffset HonouredAt, Guid LeadId, string LeadReference, string Channel, string Source,
    int SentAfter)
{
    public TimeSpan ToHonour => HonouredAt - RequestedAt;
}
