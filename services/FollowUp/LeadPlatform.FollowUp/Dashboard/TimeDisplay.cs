using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// How the dashboard shows a time: the clinic's clocks (<c>FollowUp:ClinicTimeZone</c>) first, the lead's local time
/// beside them ("14:05 here · 11:05 for the lead"), due times relative to now ("overdue 12 min", "due in 3 h"), and
/// clock times and dates in the browser's locale (the first culture of Accept-Language this machine knows; else en-GB).
/// The words stay English like the rest of the dashboard. Build one per request with <see cref="For(HttpContext)"/>.
/// </summary>
public sealed class TimeDisplay
{
    private static readonly CultureInfo Fallback = CultureInfo.GetCultureInfo("en-GB");
    private static readonly Lazy<HashSet<string>> Known = new(() =>
        new HashSet<string>(CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name).Where(n => n.Length > 0), StringComparer.OrdinalIgnoreCase));

    public TimeDisplay(TimeZoneInfo clinic, CultureInfo culture, DateTimeOffset now)
    {
        Clinic = clinic;
        Culture = culture;
        Now = now;
    }

    public TimeZoneInfo Clinic { get; }
    public CultureInfo Culture { get; }
    public DateTimeOffset Now { get; }

    /// <summary>The request's display: the clinic's zone from the SLA clock, the culture from Accept-Language, now from the TimeProvider.</summary>
    public static TimeDisplay For(HttpContext http)
    {
        var services = http.RequestServices;
        var clinic = (services.GetService(typeof(Tasks.SlaClock)) as Tasks.SlaClock)?.TimeZone ?? TimeZoneInfo.Utc;
        var time = services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return new TimeDisplay(clinic, CultureOf(http.Request.Headers.AcceptLanguage.ToString()), time.GetUtcNow());
    }

    /// <summary>The first culture of an Accept-Language header (by quality) that this machine knows; en-GB otherwise.</summary>
    public static CultureInfo CultureOf(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)) return Fallback;
        var ranked = acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, index) =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var q = 1.0;
                foreach (var p in pieces.Skip(1))
                {
                    if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && double.TryParse(p.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) q = parsed;
                }
                return (Tag: pieces[0], Q: q, Index: index);
            })
            .Where(x => x.Q > 0 && x.Tag.Length is > 1 and < 36 && x.Tag != "*")
            .OrderByDescending(x => x.Q).ThenBy(x => x.Index);
        foreach (var (tag, _, _) in ranked)
        {
            // ICU makes up a culture for any well-formed tag: take only the ones it really knows.
            if (Known.Value.Contains(tag)) return CultureInfo.GetCultureInfo(tag);
        }
        return Fallback;
    }

    /// <summary>A clock time in the clinic's zone: "14:05" today, "Tue 1 Dec 14:05" on another day (locale patterns).</summary>
    public string Here(DateTimeOffset? at) => at is { } t ? In(t, Clinic) : "—";

    /// <summary>A clock time in another zone, dated when its day differs from that zone's today.</summary>
    public string In(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = TimeZoneInfo.ConvertTime(Now, zone).Date;
        var clock = local.ToString(Culture.DateTimeFormat.ShortTimePattern, Culture);
        return local.Date == today ? clock : $"{local.ToString("ddd d MMM", Culture)} {clock}";
    }

    /// <summary>"14:05 here · 11:05 for the lead" (several candidate zones: "11:05–12:05 for the lead"); only the clinic's when the lead's zone is unknown.</summary>
    public string HereAndForTheLead(DateTimeOffset at, IReadOnlyList<TimeZoneInfo> leadZones)
    {
        var here = In(at, Clinic);
        var theirs = ForTheLead(at, leadZones);
        return theirs is null ? $"{here} here" : $"{here} here · {theirs} for the lead";
    }

    /// <summary>The lead's clock for an instant ("11:05", or a range across candidate zones), or null when unknown.</summary>
    public string? ForTheLead(DateTimeOffset at, IReadOnlyList<TimeZoneInfo> leadZones)
    {
        if (leadZones.Count == 0) return null;
        var shown = leadZones.Select(z => (Offset: z.GetUtcOffset(at), Text: In(at, z))).DistinctBy(x => x.Offset).OrderBy(x => x.Offset).ToList();
        return shown.Count == 1 ? shown[0].Text : $"{shown[0].Text}–{shown[^1].Text}";
    }

    /// <summary>
    /// A record's moment, always dated (a consent is read long after it was given): "Tue 1 Dec 2026 14:05 here · 12:05 for the
    /// lead", the lead's clock dated too when their day is not the clinic's; only the clinic's when the lead's zone is unknown.
    /// </summary>
    public string DatedHereAndForTheLead(DateTimeOffset at, IReadOnlyList<TimeZoneInfo> leadZones)
    {
        var here = TimeZoneInfo.ConvertTime(at, Clinic);
        if (leadZones.Count == 0) return $"{Dated(here)} here";
        var theirs = leadZones.Select(z => TimeZoneInfo.ConvertTime(at, z)).DistinctBy(l => l.Offset).OrderBy(l => l.Offset)
            .Select(l => l.Date == here.Date ? Clock(l) : Dated(l)).ToList();
        return $"{Dated(here)} here · {(theirs.Count == 1 ? theirs[0] : $"{theirs[0]}–{theirs[^1]}")} for the lead";
    }

    private string Clock(DateTimeOffset local) => local.ToString(Culture.DateTimeFormat.ShortTimePattern, Culture);

    private string Dated(DateTimeOffset local) => $"{local.ToString("ddd d MMM yyyy", Culture)} {Clock(local)}";

    /// <summary>"overdue 12 min", "due in 3 h", "due now" — relative to <see cref="Now"/>.</summary>
    public string Due(DateTimeOffset due)
    {
        var delta = due - Now;
        if (delta.Duration() < TimeSpan.FromMinutes(1)) return "due now";
        var span = Span(delta.Duration());
        return delta < TimeSpan.Zero ? $"overdue {span}" : $"due in {span}";
    }

    /// <summary>"12 min ago", "in 3 h".</summary>
    public string Relative(DateTimeOffset at)
    {
        var delta = at - Now;
        if (delta.Duration() < TimeSpan.FromMinutes(1)) return "just now";
        var span = Span(delta.Duration());
        return delta < TimeSpan.Zero ? $"{span} ago" : $"in {span}";
    }

    /// <summary>An ISO 8601 value for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Machine(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private string Span(TimeSpan d)
    {
        string N(double v) => Math.Floor(v).ToString("N0", Culture);
        if (d < TimeSpan.FromHours(1)) return $"{N(d.TotalMinutes)} min";
        if (d < TimeSpan.FromHours(48)) return $"{N(d.TotalHours)} h";
        return $"{N(d.TotalDays)} d";
    }
}
