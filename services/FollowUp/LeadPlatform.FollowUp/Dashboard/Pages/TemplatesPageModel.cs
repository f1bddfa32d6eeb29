using LeadPlatform.FollowUp.Templates;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="TemplatesPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record TemplatesPageModel : SignedInPageModel, Dashboard.IPageModel<TemplatesPage>
{
    public IReadOnlyList<MessageTemplate> Templates { get; init; } = [];
}
