using System.Globalization;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>A coordinator's working days and hours in the clinic's time zone (a shift past midnight ends the next day).</summary>
public sealed record WorkingHours(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public bool Contains(DateTimeOffset now, TimeZoneInfo clinic)
    {
        var local = TimeZoneInfo.ConvertTime(now, clinic);
        var time = TimeOnly.FromDateTime(local.DateTime);
        bool WorksOn(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);
        if (Start <= End) return WorksOn(local.DayOfWeek) && time >= Start && time < End;
        // Overnight: from Start on a working day, until End the morning after.
        return (time >= Start && WorksOn(local.DayOfWeek)) || (time < End && WorksOn(local.AddDays(-1).DayOfWeek));
    }

    /// <summary>From an account's fields; null when no hours are set (any time) or they do not parse.</summary>
    public static WorkingHours? From(IReadOnlyList<DayOfWeek> days, string? start, string? end) =>
        TryParse(start, out var s) && TryParse(end, out var e) && s != e ? new WorkingHours(days, s, e)
        : days.Count > 0 ? new WorkingHours(days, TimeOnly.MinValue, TimeOnly.MaxValue) : null;

    public static bool TryParse(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public override string ToString()
    {
        var days = Days.Count == 0 || Days.Count == 7 ? "every day" : string.Join(" ", Days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3]));
        var hours = Start == TimeOnly.MinValue && End == TimeOnly.MaxValue ? "all day" : $"{Start:HH\\:mm}–{End:HH\\:mm}";
        return $"{days} {hours}";
    }
}
