using System.Security.Claims;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// What every dashboard page's model holds beside its own fields: who is signed in (the header, the menu and what the page
/// offers). Always given; null only on the pages a person sees before signing in.
/// </summary>
public abstract record SignedInPageModel
{
    public required ClaimsPrincipal? User { get; init; }
}
