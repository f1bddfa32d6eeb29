using System.Security.Claims;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// Which local account an OpenID Connect identity is: the account already bound to its issuer and subject (<c>iss</c>,
/// <c>sub</c>), or else the account of its email — only when the provider says the email is verified
/// (<c>email_verified</c> true), and only if that account is not bound to another subject. The first match by email
/// binds the account to the subject, so later sign-ins match by subject whatever the email claim says.
/// </summary>
public static class OidcAccountMatch
{
    public static async Task<UserAccount?> FindAsync(ClaimsPrincipal principal, AccountService accounts, CancellationToken cancellationToken = default)
    {
        var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var issuer = principal.FindFirst("iss")?.Value ?? principal.FindFirst("sub")?.Issuer ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Issuer;
        var key = string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(issuer) ? null : $"{issuer}|{subject}";
        if (key is not null && await accounts.FindByOidcSubjectAsync(key, cancellationToken) is { } bound) return bound.Disabled ? null : bound;

        var email = principal.FindFirst(ClaimTypes.Email)?.Value ?? principal.FindFirst("email")?.Value;
        var verified = principal.FindFirst("email_verified")?.Value;
        if (email is null || !string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase)) return null;
        var account = await accounts.FindAsync(email, cancellationToken);
        if (account is null || account.Disabled) return null;
        if (account.OidcSubject is not null) return null; // bound to another identity of the provider: the email alone is not enough
        if (key is null) return account;
        return await accounts.UpdateAsync(account.Id, a => a.OidcSubject ??= key, cancellationToken) is { } updated && updated.OidcSubject == key ? updated : null;
    }
}
