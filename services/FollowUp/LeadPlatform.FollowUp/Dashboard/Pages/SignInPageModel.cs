namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="SignInPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record SignInPageModel : Dashboard.IPageModel<SignInPage>
{
    public string? Error { get; init; }
    public string? Email { get; init; }
    public string? ReturnUrl { get; init; }
    public string? OidcDisplayName { get; init; }
}
