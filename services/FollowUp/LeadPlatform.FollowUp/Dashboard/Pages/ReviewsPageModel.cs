using LeadPlatform.FollowUp.Reviews;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ReviewsPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ReviewsPageModel : SignedInPageModel, Dashboard.IPageModel<ReviewsPage>
{
    public IReadOnlyList<ReviewItem> Reviews { get; init; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; init; } = new Dictionary<Guid, string>();
    public string Status { get; init; } = ReviewStatus.Pending;
    public string? Notice { get; init; }
}
