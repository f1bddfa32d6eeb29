using LeadPlatform.FollowUp.Import;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ImportPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ImportPageModel : SignedInPageModel, Dashboard.IPageModel<ImportPage>
{
    public IReadOnlyList<LeadImport> Recent { get; init; } = [];
    public ImportOptions Limits { get; init; } = new();
    public string? FileError { get; init; }
}
