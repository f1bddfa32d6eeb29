using System.Globalization;
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

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(PerClientIp),
                PartitionedRateLimiter.Create<HttpContext, string>(PerSite));
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
        return Fixed($"ip:{context.Connection.RemoteIpAddress}", rule);
    }

    private static RateLimitPartition<string> PerSite(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedEndpoint>() is null) return RateLimitPartition.GetNoLimiter(string.Empty);
        var site = context.RequestServices.GetRequiredService<SiteDirectory>().Resolve(context.Request);
        if (site is null) return RateLimitPartition.GetNoLimiter(string.Empty); // refused anyway; the per-IP limit still counts it
        var rule = context.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.RateLimits.PerSite;
        return Fixed($"site:{site.Id}", rule);
    }

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
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Intake.RateLimits")
            .LogWarning("Rate limit reached on {RequestMethod} {RequestPath}: refused with 429, retry after {RetryAfterSeconds} s",
                http.Request.Method, http.Request.Path.Value, seconds);
        const string title = "Too many requests";
        var detail = $"Please try again in {seconds} seconds.";
        var result = SiteDirectory.IsFormPost(http.Request)
            ? FormPages.Error(StatusCodes.Status429TooManyRequests, title, detail)
            : Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail);
        await result.ExecuteAsync(http);
    }

    private sealed class RateLimitedEndpoint;
}
