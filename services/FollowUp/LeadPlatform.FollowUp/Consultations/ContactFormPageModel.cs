using System.Security.Claims;
using LeadPlatform.FollowUp.Dashboard.Pages;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// Everything <see cref="ContactFormPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record ContactFormPageModel : Dashboard.IPageModel<ContactFormPage>
{
    public required LeadDocument Lead { get; init; }
    /// <summary>Who is signed in (the header, the menu and what the page offers): always given, null only on the sign-in pages.</summary>
    public required ClaimsPrincipal? User { get; init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();
}
