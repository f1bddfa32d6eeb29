using LeadPlatform.FollowUp.Officer;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="OfficerPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record OfficerPageModel : SignedInPageModel, Dashboard.IPageModel<OfficerPage>
{
    public OfficerWorkspace? Workspace { get; init; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
}
