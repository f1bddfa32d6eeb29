using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for integrations: each token of <c>Auth:ApiTokens</c> acts as a coordinator
/// named <c>api:&lt;name&gt;</c>. Tokens are compared as SHA-256 digests in constant time.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiToken";
    public const int MinimumTokenLength = 24;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));

        string? match = null;
        foreach (var (name, token) in authOptions.CurrentValue.ApiTokens)
        {
            if (string.IsNullOrEmpty(token) || token.Length < MinimumTokenLength) continue;
            // Every configured token is compared, so the time taken says nothing about which one was close.
            if (CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(token)))) match ??= name;
        }
        if (match is null)
        {
            Logger.LogWarning("API token refused for {RequestPath}", Request.Path.Value);
            return Task.FromResult(AuthenticateResult.Fail("Unknown API token."));
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, $"api:{match}"));
        identity.AddClaim(new Claim(ClaimTypes.Name, $"api:{match}"));
        identity.AddClaim(new Claim(ClaimTypes.Role, Roles.Coordinator));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
