using LeadPlatform.Intake.Sites;

namespace LeadPlatform.Intake;

/// <summary>
/// At most <see cref="RateLimitRule.PermitLimit"/> permits per key per <see cref="RateLimitRule.Window"/>, counted in fixed
/// windows that start with a key's first request, with no timer: a window that has ended is found ended by the next request
/// of its key, and ended windows are dropped once per window as requests come in.
/// <para>
/// It replaces <c>System.Threading.RateLimiting</c>'s partitioned limiter, whose heartbeat timer fires every 100 ms for
/// each limiter (intake had three: the per-client limit, ASP.NET Core's endpoint limiter beside it, and the per-site
/// budget), so an idle intake woke a thread-pool worker 30 times a second to find nothing to do.
/// </para>
/// </summary>
public sealed class FixedWindows(RateLimitRule rule, TimeProvider time)
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>How many keys have a window open (ended ones not yet dropped included).</summary>
    public int Count
    {
        get
        {
            lock (_windows) return _windows.Count;
        }
    }

    /// <summary>Spends one of <paramref name="key"/>'s permits; null when granted, else how long until its window ends.</summary>
    public TimeSpan? TrySpend(string key)
    {
        var now = time.GetTimestamp();
        var length = rule.Window;
        lock (_windows)
        {
            if (now >= _nextSweep) Sweep(now, length);
            if (!_windows.TryGetValue(key, out var window) || time.GetElapsedTime(window.Start, now) >= length)
                window = new Window(now, 0);
            if (window.Spent >= rule.PermitLimit)
            {
                var left = length - time.GetElapsedTime(window.Start, now);
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
            _windows[key] = window with { Spent = window.Spent + 1 };
            return null;
        }
    }

    private void Sweep(long now, TimeSpan length)
    {
        List<string>? ended = null;
        foreach (var (key, window) in _windows)
            if (time.GetElapsedTime(window.Start, now) >= length) (ended ??= []).Add(key);
        if (ended is not null) foreach (var key in ended) _windows.Remove(key);
        _nextSweep = now + Math.Max(1, (long)(length.TotalSeconds * time.TimestampFrequency));
    }

    private readonly record struct Window(long Start, int Spent);
}
