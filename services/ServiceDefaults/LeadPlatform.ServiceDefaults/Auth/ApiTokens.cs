using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.ServiceDefaults.Auth;

/// <summary>
/// The check of <c>Authorization: Bearer &lt;token&gt;</c> against <c>Auth:ApiTokens</c>, shared by every service that
/// takes it: each configured token (at least <see cref="MinimumLength"/> characters) is compared as a SHA-256 digest in
/// constant time, all of them every time, so the time taken says nothing about which one was close.
/// </summary>
public static class ApiTokens
{
    public const string Scheme = "Bearer";
    public const int MinimumLength = 24;

    /// <summary>Whether the header is a bearer credential at all (else another scheme, or nothing, is presented).</summary>
    public static bool IsBearer(string? authorizationHeader) =>
        authorizationHeader is not null && authorizationHeader.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name of the configured token that the header presents, or null.</summary>
    public static string? Match(string? authorizationHeader, IReadOnlyDictionary<string, string> tokens)
    {
        if (!IsBearer(authorizationHeader)) return null;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader![(Scheme.Length + 1)..].Trim()));
        string? match = null;
        foreach (var (name, token) in tokens)
        {
            if (string.IsNullOrEmpty(token) || token.Length < MinimumLength) continue;
            if (CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(token)))) match ??= name;
        }
        return match;
    }

    /// <summary>Binds <see cref="ApiTokenOptions"/> to the <c>Auth</c> section (idempotent).</summary>
    public static IServiceCollection AddApiTokens(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<ApiTokenOptions>().Bind(configuration.GetSection("Auth"));
        return services;
    }

    /// <summary>
    /// Every route of the group answers 401 (ProblemDetails, <c>WWW-Authenticate: Bearer</c>) unless the request carries
    /// one of <c>Auth:ApiTokens</c>. The service checks it itself: no session, no other service's accounts.
    /// </summary>
    public static TBuilder RequireApiToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var tokens = http.RequestServices.GetRequiredService<IOptionsMonitor<ApiTokenOptions>>().CurrentValue.ApiTokens;
            var name = Match(http.Request.Headers.Authorization.ToString(), tokens);
            if (name is null)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Auth")
                    .LogWarning("API token missing or refused for {RequestPath}", http.Request.Path.Value);
                http.Response.Headers.WWWAuthenticate = Scheme;
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API token missing or unknown",
                    detail: "Send one of the configured Auth:ApiTokens as 'Authorization: Bearer <token>'.");
            }
            return await next(context);
        });
}
