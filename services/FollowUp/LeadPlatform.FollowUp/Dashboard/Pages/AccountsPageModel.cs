using LeadPlatform.FollowUp.Auth;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="AccountsPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record AccountsPageModel : SignedInPageModel, Dashboard.IPageModel<AccountsPage>
{
    public IReadOnlyList<UserAccount> Accounts { get; init; } = [];
    /// <summary>Times in the clinic's zone (<c>FollowUp:ClinicTimeZone</c>) and the browser's locale, as on every page.</summary>
    public required TimeDisplay Display { get; init; }
    public string? Problem { get; init; }
    public string? Notice { get; init; }
}
