using System.Globalization;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// A period asked for as <c>from</c> and <c>to</c>: a date (<c>2026-11-01</c>, the whole day, UTC) or an instant
/// (ISO 8601 with an offset). Without them, the last 30 days. At most 400 days.
/// </summary>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To)
{
    public const int MaxDays = 400;

    /// <summary>The dates for a date field (the last day included).</summary>
    public string FromDate => From.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string ToDate => To.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Describe() => $"{From.UtcDateTime:yyyy-MM-dd HH:mm} to {To.UtcDateTime:yyyy-MM-dd HH:mm} UTC";

    public static ReportPeriod? TryParse(string? from, string? to, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var end = to is null or "" ? now : Parse(to, endOfDay: true);
        var start = from is null or "" ? (end ?? now).AddDays(-30) : Parse(from, endOfDay: false);
        if (start is null) errors["from"] = ["Give a date (2026-11-01) or an instant with its offset (2026-11-01T00:00:00Z)."];
        if (end is null) errors["to"] = ["Give a date (2026-11-30) or an instant with its offset (2026-11-30T23:59:59Z)."];
        if (start is null || end is null) return null;
        if (start > end) { errors["from"] = ["The start is after the end of the period."]; return null; }
        if (end.Value - start.Value > TimeSpan.FromDays(MaxDays)) { errors["to"] = [$"A period is at most {MaxDays} days."]; return null; }
        return new ReportPeriod(start.Value, end.Value);
    }

    private static DateTimeOffset? Parse(string value, bool endOfDay)
    {
        value = value.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddMilliseconds(-1) : start;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) && value.Length > 10
               && (value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10)
            ? at.ToUniversalTime()
            : null;
    }
}
