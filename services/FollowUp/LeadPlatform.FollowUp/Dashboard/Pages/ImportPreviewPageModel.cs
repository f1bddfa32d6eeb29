using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Import;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="ImportPreviewPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ImportPreviewPageModel : Dashboard.IPageModel<ImportPreviewPage>
{
    /// <summary>Who is signed in (the header, the menu and what the page offers): always given, null only on the sign-in pages.</summary>
    public required ClaimsPrincipal? User { get; init; }
    public required ImportView Import { get; init; }
}
