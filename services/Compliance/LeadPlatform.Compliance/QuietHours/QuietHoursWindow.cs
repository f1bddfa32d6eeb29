namespace LeadPlatform.Compliance;

/// <summary>
/// The calling window (for example 08:00 to 20:00 local) in every candidate zone at once: intervals in UTC, computed
/// per local calendar day with each zone's real offset on that day (so DST changes are honoured), then intersected.
/// </summary>
internal static class QuietHoursWindow
{
    private const int HorizonDays = 8;

    /// <summary>
    /// If <paramref name="now"/> is inside the window in every zone: (true, now, end of that window).
    /// Otherwise (false, start of the next common window, its end), or (false, null, null) if the zones share none.
    /// </summary>
    public static (bool Allowed, DateTimeOffset? From, DateTimeOffset? Until) Evaluate(
        IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset now, TimeOnly open, TimeOnly close)
        => Evaluate(zones, now, _ => (open, close));

    /// <summary>The same with hours per day of the week (each zone's own local day; null: no contact that day).</summary>
    public static (bool Allowed, DateTimeOffset? From, DateTimeOffset? Until) Evaluate(
        IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset now, Func<DayOfWeek, (TimeOnly Open, TimeOnly Close)?> hours)
    {
        List<(DateTimeOffset Start, DateTimeOffset End)>? common = null;
        foreach (var zone in zones)
        {
            var own = Windows(zone, now, hours);
            common = common is null ? own : Intersect(common, own);
        }

        foreach (var (start, end) in common ?? [])
        {
            if (end <= now)
            {
                continue;
            }

            return start <= now ? (true, now, end) : (false, start, end);
        }

        return (false, null, null);
    }

    private static List<(DateTimeOffset, DateTimeOffset)> Windows(TimeZoneInfo zone, DateTimeOffset now, Func<DayOfWeek, (TimeOnly Open, TimeOnly Close)?> hours)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var windows = new List<(DateTimeOffset, DateTimeOffset)>(HorizonDays + 2);
        for (var d = -1; d <= HorizonDays; d++)
        {
            var day = today.AddDays(d);
            if (hours(day.DayOfWeek) is not var (open, close)) continue;
            var start = ToInstant(zone, day.ToDateTime(open), later: true);
            var end = ToInstant(zone, day.ToDateTime(close), later: false);
            if (end > start)
            {
                windows.Add((start, end));
            }
        }

        return windows;
    }

    /// <summary>
    /// Local wall time to an instant. A time skipped by a DST change moves forward to the first valid minute; a
    /// repeated time takes the later instant for a window's start and the earlier for its end (the safe choice).
    /// </summary>
    private static DateTimeOffset ToInstant(TimeZoneInfo zone, DateTime local, bool later)
    {
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var offset = later ? offsets.Min() : offsets.Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static List<(DateTimeOffset, DateTimeOffset)> Intersect(
        List<(DateTimeOffset Start, DateTimeOffset End)> a, List<(DateTimeOffset Start, DateTimeOffset End)> b)
    {
        var result = new List<(DateTimeOffset, DateTimeOffset)>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var start = a[i].Start > b[j].Start ? a[i].Start : b[j].Start;
            var end = a[i].End < b[j].End ? a[i].End : b[j].End;
            if (start < end)
            {
                result.Add((start, end));
            }

            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result;
    }
}
