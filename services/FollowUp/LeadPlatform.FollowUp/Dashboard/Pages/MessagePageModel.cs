namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="MessagePage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record MessagePageModel : SignedInPageModel, Dashboard.IPageModel<MessagePage>
{
    public string Title { get; init; } = string.Empty;
    public string Message { get; init; } = string.Empty;
}
