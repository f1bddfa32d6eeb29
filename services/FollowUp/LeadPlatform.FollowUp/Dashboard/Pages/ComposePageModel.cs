using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Templates;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ComposePage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ComposePageModel : SignedInPageModel, Dashboard.IPageModel<ComposePage>
{
    public required LeadDocument Lead { get; init; }
    public string Channel { get; init; } = "email";
    public string? Subject { get; init; }
    public string? Body { get; init; }
    public string? Problem { get; init; }
    public IReadOnlyList<MessageTemplate> Templates { get; init; } = [];
    public Guid? TemplateId { get; init; }
    public bool Held { get; init; }
    public bool Schedule { get; init; } = true;
    public IReadOnlyList<LeadPlatform.Compliance.ComplianceViolation> Violations { get; init; } = [];
}
