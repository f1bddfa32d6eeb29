namespace LeadPlatform.FollowUp.Officer;

/// <summary>The evidence entries of a period across leads (JSON; the same rows as the CSV).</summary>
public sealed record EvidencePeriodResult(DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<EvidenceEntry> Entries);
