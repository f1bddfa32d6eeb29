using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ReviewPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ReviewPageModel : SignedInPageModel, Dashboard.IPageModel<ReviewPage>
{
    public required ReviewItem Review { get; init; }
    public LeadDocument? Lead { get; init; }
    public string? Notice { get; init; }
    public string? Problem { get; init; }
}
