using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.FollowUp.Reviews;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="TemplateEditPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record TemplateEditPageModel : Dashboard.IPageModel<TemplateEditPage>
{
    /// <summary>Who is signed in (the header, the menu and what the page offers): always given, null only on the sign-in pages.</summary>
    public required ClaimsPrincipal? User { get; init; }
    public MessageTemplate? Template { get; init; }
    public TemplateFields Fields { get; init; } = new(null, "email", "en", TemplateService.DefaultCondition, null, null);
    public long Version { get; init; }
    public string? Notice { get; init; }
    public string? Problem { get; init; }
    public IReadOnlyList<LeadPlatform.Compliance.ComplianceViolation> Violations { get; init; } = [];
}
