using System.Security.Claims;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>Who did something, as recorded on a lead: the signed-in person, or an API token acting for someone it names.</summary>
public static class Actor
{
    public static string For(ClaimsPrincipal user, string? claimed = null)
    {
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "coordinator" : "coordinator";
        // A person is recorded as themselves; an integration's token may say on whose behalf it acts.
        if (user.Identity?.AuthenticationType == ApiTokenHandler.SchemeName && !string.IsNullOrWhiteSpace(claimed)) return claimed.Trim();
        return name;
    }
}
