using LeadPlatform.FollowUp.Scheduling;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ContactRulesPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ContactRulesPageModel : SignedInPageModel, Dashboard.IPageModel<ContactRulesPage>
{
    public required ContactRulesTableView Table { get; init; }
}
