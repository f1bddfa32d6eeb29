using System.Security.Claims;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Who did something, as recorded on a lead: the signed-in person, or an API token — recorded as itself, with any name it
/// says it acts for beside it (<c>api:crm as 'Dr. Alice'</c>), so a token can never pass as a person.
/// </summary>
public static class Actor
{
    public const int MaxClaimedLength = 100;

    public static string For(ClaimsPrincipal user, string? claimed = null)
    {
        var name = user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "coordinator" : "coordinator";
        if (user.Identity?.AuthenticationType != ApiTokenHandler.SchemeName || string.IsNullOrWhiteSpace(claimed)) return name;
        var said = new string(claimed.Trim().Where(c => !char.IsControl(c) && c != '\'').Take(MaxClaimedLength).ToArray());
        return said.Length == 0 ? name : $"{name} as '{said}'";
    }
}
