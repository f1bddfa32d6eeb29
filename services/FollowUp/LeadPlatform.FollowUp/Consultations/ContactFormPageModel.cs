using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// Everything <see cref="ContactFormPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ContactFormPageModel : Dashboard.Pages.SignedInPageModel, Dashboard.IPageModel<ContactFormPage>
{
    public required LeadDocument Lead { get; init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
