namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="InboxPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record InboxPageModel : SignedInPageModel, Dashboard.IPageModel<InboxPage>
{
    public IReadOnlyList<LeadPlatform.FollowUp.Inbox.InboxItem> Items { get; init; } = [];
    public required TimeDisplay Display { get; init; }
    public string? Notice { get; init; }
}
