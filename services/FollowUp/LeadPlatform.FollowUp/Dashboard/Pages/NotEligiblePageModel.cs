using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="NotEligiblePage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record NotEligiblePageModel : SignedInPageModel, Dashboard.IPageModel<NotEligiblePage>
{
    public IReadOnlyList<LeadDocument> Leads { get; init; } = [];
    public TimeDisplay? Display { get; init; }
}
