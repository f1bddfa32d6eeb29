using LeadPlatform.FollowUp.Officer;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ReportsPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ReportsPageModel : SignedInPageModel, Dashboard.IPageModel<ReportsPage>
{
    public FunnelFigures? Figures { get; init; }
    public ReportPeriod? Period { get; init; }
    public string GroupBy { get; init; } = "source";
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
}
