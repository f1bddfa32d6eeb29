namespace LeadPlatform.FollowUp;

/// <summary>The <c>FollowUp:BusinessHours</c> section: when coordinators work, in the clinic's time zone (<c>FollowUp:ClinicTimeZone</c>).</summary>
public sealed class BusinessHoursOptions
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Opening time, local (default 09:00).</summary>
    public TimeOnly Open { get; set; } = new(9, 0);

    /// <summary>Closing time, local (default 17:00); after <see cref="Open"/>.</summary>
    public TimeOnly Close { get; set; } = new(17, 0);

    /// <summary>Working days (<c>FollowUp:BusinessHours:Days:0=Monday</c>, ...). Unset: Monday to Friday.</summary>
    public List<DayOfWeek>? Days { get; set; }

    /// <summary>Local dates with no business hours (public holidays, clinic closures), e.g. <c>2026-12-25</c>.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    public IReadOnlyCollection<DayOfWeek> WorkingDays => Days is { Count: > 0 } days ? days : Weekdays;

    public bool IsBusinessDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date);
}
