using System.Security.Claims;
using System.Text.Encodings.Web;
using LeadPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for integrations: each token of <c>Auth:ApiTokens</c> acts as a coordinator
/// named <c>api:&lt;name&gt;</c>. The check itself is shared with qualification (<see cref="ApiTokens"/>).
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiToken";
    public const int MinimumTokenLength = ApiTokens.MinimumLength;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!ApiTokens.IsBearer(header)) return Task.FromResult(AuthenticateResult.NoResult());
        var match = ApiTokens.Match(header, authOptions.CurrentValue.ApiTokens);
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
