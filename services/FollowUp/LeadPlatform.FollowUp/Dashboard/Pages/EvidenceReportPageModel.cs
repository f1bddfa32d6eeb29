using LeadPlatform.FollowUp.Officer;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="EvidenceReportPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record EvidenceReportPageModel : SignedInPageModel, Dashboard.IPageModel<EvidenceReportPage>
{
    public ReportPeriod? Period { get; init; }
    public IReadOnlyList<EvidenceEntry> Entries { get; init; } = [];
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public DateTimeOffset GeneratedAt { get; init; }
}
