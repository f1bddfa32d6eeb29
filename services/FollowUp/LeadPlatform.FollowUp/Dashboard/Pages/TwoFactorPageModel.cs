namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="TwoFactorPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record TwoFactorPageModel : SignedInPageModel, Dashboard.IPageModel<TwoFactorPage>
{
    public bool Enrolled { get; init; }
    public bool Required { get; init; }
    public string? Secret { get; init; }
    public string? OtpAuthUri { get; init; }
    public string? Problem { get; init; }
}
