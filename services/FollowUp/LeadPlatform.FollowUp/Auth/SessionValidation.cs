using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// On every request with a session cookie: the account must still exist, be enabled, and carry the security stamp the
/// session was issued with. Sign-out, a password reset, a role change, disabling and second-factor changes rotate the
/// stamp, so every earlier cookie (also a copied one) stops working.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal is null ? null : AccountService.IdOf(principal);
        var presented = principal?.FindFirst(AccountService.StampClaim)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        var expected = id is { } accountId ? await accounts.SessionStampAsync(accountId, context.HttpContext.RequestAborted) : null;
        if (expected is not null && presented is not null && string.Equals(expected, presented, StringComparison.Ordinal)) return;

        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.FollowUp.Auth")
            .LogInformation("Dashboard session of account {AccountId} refused: signed out, changed or disabled since it began", id);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>Whether a signed-in principal is a person's session (not an API token).</summary>
    public static bool IsSession(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
}
