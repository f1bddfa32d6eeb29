using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake;

/// <summary>
/// Each site's budget of submissions (<c>Intake:RateLimits:PerSite</c>), spent only by requests that passed every check
/// (a known key or origin, an allowed origin, a valid body): refused junk, however much of it, never makes the site's
/// real visitors wait. (The per-client limit, in the middleware, counts every request of a client.)
/// </summary>
public sealed class SiteBudget(IOptions<IntakeOptions> options, TimeProvider time)
{
    private readonly FixedWindows _windows = new(options.Value.RateLimits.PerSite, time);

    /// <summary>Spends one of the site's permits; null when granted, else how long until the next window.</summary>
    public TimeSpan? TrySpend(string siteId) => _windows.TrySpend(siteId);
}
