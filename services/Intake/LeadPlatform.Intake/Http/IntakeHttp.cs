using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using LeadPlatform.Intake.Forms;
using LeadPlatform.Intake.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake;

/// <summary>
/// CORS and rate limits for intake's public endpoints (ASP.NET Core's own middlewares, applied only to endpoints that
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

        services.AddSingleton<SiteBudget>();
        services.AddRateLimiter(limiter =>
        {
            // Per client here, for every request; per site in the endpoint, only for requests that passed every check (SiteBudget).
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PerClientIp);
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>Inserts the CORS and rate-limiting middlewares (after routing, so they see the endpoint and its metadata).</summary>
    public static IApplicationBuilder UseIntakeHttp(this IApplicationBuilder app) => app.UseCors().UseRateLimiter();

    private static RateLimitPartition<string> PerClientIp(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is null) return RateLimitPartition.GetNoLimiter(string.Empty);
        var rule = context.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.RateLimits.PerClientIp;
        return Fixed($"ip:{ClientKey(context.Connection.RemoteIpAddress)}", rule);
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

    private static RateLimitPartition<string> Fixed(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        await TooMany(rejected.HttpContext, retryAfter).ExecuteAsync(rejected.HttpContext);
    }

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
}
