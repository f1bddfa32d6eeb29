using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LeadPlatform.Intake.Forms;
using LeadPlatform.Intake.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake;

/// <summary>
/// CORS and rate limits for intake's public endpoints (ASP.NET Core's CORS middleware and intake's own limit, applied only to endpoints that
/// carry <see cref="RateLimited"/> and the <see cref="CorsPolicy"/>, so the other modules of the standalone host are untouched).
/// </summary>
public static class IntakeHttp
{
    public const string CorsPolicy = "intake-forms";

    /// <summary>Endpoint metadata: limited per client IP and per site.</summary>
    public static readonly object RateLimited = new RateLimitedEndpoint();

    public static IServiceCollection AddIntakeHttp(this IServiceCollection services)
    {
        // Preflights carry no key, so they may come from any site's origin; the request itself is then held to its own site's origins.
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<SiteDirectory>((cors, sites) => cors.AddPolicy(CorsPolicy, policy => policy
            .SetIsOriginAllowed(sites.AnyAllows)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", SiteDirectory.ApiKeyHeader, Api.QuoteRequestEndpoints.IdempotencyKeyHeader)
            .WithExposedHeaders("Location", "Retry-After", Api.QuoteRequestEndpoints.IdempotentReplayedHeader)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        // Per client in the middleware, for every request; per site in the endpoint, only for requests that passed every check (SiteBudget).
        services.AddSingleton<SiteBudget>();
        services.AddSingleton<ClientBudget>();
        return services;
    }

    /// <summary>
    /// Inserts CORS and the per-client limit (after routing, so they see the endpoint and its metadata). The limit is
    /// intake's own fixed windows (<see cref="FixedWindows"/>), not ASP.NET Core's rate-limiting middleware, whose
    /// partitioned limiters each wake a thread every 100 ms whether requests come or not.
    /// </summary>
    public static IApplicationBuilder UseIntakeHttp(this IApplicationBuilder app) => app.UseCors().Use(LimitPerClientAsync);

    private static async Task LimitPerClientAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is not null
            && context.RequestServices.GetRequiredService<ClientBudget>().TrySpend(context.Connection.RemoteIpAddress) is { } retryAfter)
        {
            await TooMany(context, retryAfter).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>
    /// The client a limit counts (the forwarded address when a known proxy forwarded it, ForwardedHeadersSetup): an IPv4
    /// address, or an IPv6 address's /64, the block one subscriber gets (rotating within it is one client).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>The refusal of a request over its site's budget (<see cref="SiteBudget"/>): 429 with Retry-After.</summary>
    internal static IResult SiteBudgetSpent(HttpContext http, TimeSpan retryAfter) => TooMany(http, retryAfter);

    private static IResult TooMany(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Intake.RateLimits")
            .LogWarning("Rate limit reached on {RequestMethod} {RequestPath}: refused with 429, retry after {RetryAfterSeconds} s",
                http.Request.Method, http.Request.Path.Value, seconds);
        const string title = "Too many requests";
        var detail = $"Please try again in {seconds} seconds.";
        return SiteDirectory.IsFormPost(http.Request)
            ? FormPages.Error(StatusCodes.Status429TooManyRequests, title, detail)
            : Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail);
    }

    private sealed class RateLimitedEndpoint;

    /// <summary>Each client's budget of requests to the limited endpoints (<c>Intake:RateLimits:PerClientIp</c>), keyed by <see cref="ClientKey"/>.</summary>
    private sealed class ClientBudget(IOptions<IntakeOptions> options, TimeProvider time)
    {
        private readonly FixedWindows _windows = new(options.Value.RateLimits.PerClientIp, time);

        public TimeSpan? TrySpend(IPAddress? address) => _windows.TrySpend(ClientKey(address));
    }
}
