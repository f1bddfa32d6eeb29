using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="LeadPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record LeadPageModel : SignedInPageModel, Dashboard.IPageModel<LeadPage>
{
    public required LeadDocument Lead { get; init; }
    public required DateTimeOffset Now { get; init; }
    public string? Notice { get; init; }
    public required TimeDisplay Display { get; init; }
    public IReadOnlyList<LeadPlatform.FollowUp.Calls.ChannelContactability> Channels { get; init; } = [];
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
    public string? Show { get; init; }
    public IReadOnlyDictionary<Guid, string> Others { get; init; } = new Dictionary<Guid, string>();
    public IReadOnlyList<LeadPlatform.FollowUp.Reviews.ReviewItem> Reviews { get; init; } = [];
}
