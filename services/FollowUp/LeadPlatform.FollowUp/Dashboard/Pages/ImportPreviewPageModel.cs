using LeadPlatform.FollowUp.Import;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ImportPreviewPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ImportPreviewPageModel : SignedInPageModel, Dashboard.IPageModel<ImportPreviewPage>
{
    public required ImportView Import { get; init; }
}
