namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="SignInCodePage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record SignInCodePageModel : Dashboard.IPageModel<SignInCodePage>
{
    public string? Error { get; init; }
}
