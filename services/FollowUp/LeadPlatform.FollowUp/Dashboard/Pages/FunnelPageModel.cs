namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="FunnelPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record FunnelPageModel : SignedInPageModel, Dashboard.IPageModel<FunnelPage>
{
    public required FunnelReport Report { get; init; }
}
