using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// When a task is due: its tier's SLA counted from qualification as the tier's <see cref="SlaBasis"/> says — wall-clock
/// time, time within business hours, or whole business days (due at closing time) — in the clinic's time zone, so
/// evenings, weekends, holidays and daylight-saving changes fall where the clinic's clocks put them.
/// </summary>
public sealed class SlaClock
{
    private readonly FollowUpOptions _options;

    public SlaClock(IOptions<FollowUpOptions> options)
    {
        _options = options.Value;
        TimeZone = ResolveTimeZone(_options.ClinicTimeZone);
        if (_options.BusinessHours.Close <= _options.BusinessHours.Open)
        {
            throw new InvalidOperationException("FollowUp:BusinessHours:Close must be after FollowUp:BusinessHours:Open.");
        }
    }

    public TimeZoneInfo TimeZone { get; }

    public static TimeZoneInfo ResolveTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"FollowUp:ClinicTimeZone '{id}' is not a known time zone: use an IANA id such as America/Los_Angeles.", ex);
        }
    }

    public DateTimeOffset DueAt(string tier, DateTimeOffset qualifiedAt)
    {
        var sla = _options.SlaFor(tier);
        return _options.SlaBasisFor(tier) switch
        {
            SlaBasis.BusinessHours => AddBusinessTime(qualifiedAt, sla),
            SlaBasis.BusinessDays => CloseOfBusinessDay(qualifiedAt, Math.Max(1, (int)Math.Ceiling(sla.TotalDays))),
            _ => qualifiedAt + sla,
        };
    }

    /// <summary><paramref name="amount"/> of time inside business hours, from <paramref name="start"/> on.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan amount)
    {
        var remaining = amount;
        var date = LocalDate(start);
        for (var day = 0; day < MaxDaysAhead; day++, date = date.AddDays(1))
        {
            if (!_options.BusinessHours.IsBusinessDay(date)) continue;
            var open = ToInstant(date, _options.BusinessHours.Open);
            var close = ToInstant(date, _options.BusinessHours.Close);
            var from = open > start ? open : start;
            if (from >= close) continue;
            if (remaining <= close - from) return from + remaining;
            remaining -= close - from;
        }
        throw new InvalidOperationException("No business hours within a year: check FollowUp:BusinessHours.");
    }

    /// <summary>Closing time of the <paramref name="days"/>-th business day after the local date of <paramref name="start"/>.</summary>
    public DateTimeOffset CloseOfBusinessDay(DateTimeOffset start, int days)
    {
        var date = LocalDate(start);
        for (var day = 0; day < MaxDaysAhead; day++)
        {
            date = date.AddDays(1);
            if (_options.BusinessHours.IsBusinessDay(date) && --days == 0) return ToInstant(date, _options.BusinessHours.Close);
        }
        throw new InvalidOperationException("No business day within a year: check FollowUp:BusinessHours.");
    }

    private const int MaxDaysAhead = 400;

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The instant a local wall-clock time names. A time skipped by a daylight-saving change (02:30 on the night clocks go
    /// forward) is read with the offset in force before it, so it lands just after the gap; a time that happens twice
    /// (the night clocks go back) is the first of the two.
    /// </summary>
    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local)) offset = TimeZone.GetUtcOffset(local.AddDays(-1));
        else if (TimeZone.IsAmbiguousTime(local)) offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
        else offset = TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
