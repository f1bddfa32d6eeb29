using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Officer;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ReportsPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ReportsPageModel : Dashboard.IPageModel<ReportsPage>
{
    /// <summary>Who is signed in (the header, the menu and what the page offers): always given, null only on the sign-in pages.</summary>
    public required ClaimsPrincipal? User { get; init; }
    public FunnelFigures? Figures { get; init; }
    public ReportPeriod? Period { get; init; }
    public string GroupBy { get; init; } = "source";
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
}
