namespace LeadPlatform.Compliance;

/// <summary>
/// A rule's own hours on one day of the week (local time), where they differ from its every-day window: other hours
/// (<see cref="From"/> inclusive, <see cref="Until"/> exclusive), or <see cref="Closed"/> (no contact that day).
/// </summary>
public sealed record ContactDayWindow
{
    public bool Closed { get; init; }
    public TimeOnly? From { get; init; }
    public TimeOnly? Until { get; init; }
}
