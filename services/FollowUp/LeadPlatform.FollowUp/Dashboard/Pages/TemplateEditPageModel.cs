using LeadPlatform.FollowUp.Templates;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="TemplateEditPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record TemplateEditPageModel : SignedInPageModel, Dashboard.IPageModel<TemplateEditPage>
{
    public MessageTemplate? Template { get; init; }
    public TemplateFields Fields { get; init; } = new(null, "email", "en", TemplateService.DefaultCondition, null, null);
    public long Version { get; init; }
    public string? Notice { get; init; }
    public string? Problem { get; init; }
    public IReadOnlyList<LeadPlatform.Compliance.ComplianceViolation> Violations { get; init; } = [];
}
