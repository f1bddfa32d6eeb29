using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake;

/// <summary>
/// Each site's budget of submissions (<c>Intake:RateLimits:PerSite</c>), spent only by requests that passed every check
/// (a known key or origin, an allowed origin, a valid body): refused junk, however much of it, never makes the site's
/// real visitors wait. (The per-client limit, in the middleware, counts every request of a client.)
/// </summary>
public sealed class SiteBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SiteBudget(IOptions<IntakeOptions> options)
    {
        var rule = options.Value.RateLimits.PerSite;
        _limiter = PartitionedRateLimiter.Create<string, string>(site => RateLimitPartition.GetFixedWindowLimiter(site, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Spends one of the site's permits; null when granted, else how long until the next window.</summary>
    public TimeSpan? TrySpend(string siteId)
    {
        using var lease = _limiter.AttemptAcquire(siteId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
    }

    public void Dispose() => _limiter.Dispose();
}
