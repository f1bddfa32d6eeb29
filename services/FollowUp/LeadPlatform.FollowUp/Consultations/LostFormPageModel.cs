using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// Everything <see cref="LostFormPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record LostFormPageModel : Dashboard.Pages.SignedInPageModel, Dashboard.IPageModel<LostFormPage>
{
    public required LeadDocument Lead { get; init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
