namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// A coordinator as the roster knows them: who, whether they are on duty, their leave, working hours (in the clinic's time
/// zone), how many open tasks they may be given automatically, and where new-lead alerts go.
/// </summary>
public sealed record Coordinator(string Id, string Name, bool OnDuty, DateTimeOffset? OnLeaveUntil)
{
    /// <summary>The leave starts here (null: it has started, if <see cref="OnLeaveUntil"/> is set).</summary>
    public DateTimeOffset? OnLeaveFrom { get; init; }
    public WorkingHours? Hours { get; init; }
    public int? MaxOpenTasks { get; init; }
    public string? AlertEmail { get; init; }
    public string? AlertPhone { get; init; }

    /// <summary>On duty and not on leave at <paramref name="now"/>.</summary>
    public bool IsAvailableAt(DateTimeOffset now) => OnDuty && !IsOnLeaveAt(now);

    public bool IsOnLeaveAt(DateTimeOffset now) => OnLeaveUntil is { } until && until > now && (OnLeaveFrom is not { } from || from <= now);

    /// <summary>Why the round-robin skips them now (null: they can take a task): off duty, on leave, off shift or at capacity.</summary>
    public string? WhyUnavailable(DateTimeOffset now, TimeZoneInfo clinic, int openTasks)
    {
        if (!OnDuty) return "off duty";
        if (IsOnLeaveAt(now)) return OnLeaveUntil == DateTimeOffset.MaxValue ? "on leave" : $"on leave until {TimeZoneInfo.ConvertTime(OnLeaveUntil!.Value, clinic):yyyy-MM-dd HH:mm}";
        if (Hours is { } hours && !hours.Contains(now, clinic)) return $"off shift (works {hours})";
        if (MaxOpenTasks is { } max && openTasks >= max) return $"at capacity ({openTasks} of {max} open tasks)";
        return null;
    }
}
