using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.FollowUp.Reviews;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ComposePage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ComposePageModel : Dashboard.IPageModel<ComposePage>
{
    /// <summary>Who is signed in (the header, the menu and what the page offers): always given, null only on the sign-in pages.</summary>
    public required ClaimsPrincipal? User { get; init; }
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
