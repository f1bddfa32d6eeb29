namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// The clinic's funnel for a period (leads first seen in it): how many reached each stage, overall and by the chosen
/// dimension, and the speed to lead to the first human contact (and, apart, to the automatic acknowledgement).
/// Figures only: no lead, no person.
/// </summary>
public sealed record FunnelFigures(
    DateTimeOffset From,
    DateTimeOffset To,
    string GroupBy,
    IReadOnlyList<string> Stages,
    FunnelGroup Overall,
    IReadOnlyList<FunnelGroup> Groups,
    SpeedFigures SpeedToFirstHumanContact,
    IReadOnlyList<SpeedGroup> SpeedByCoordinator,
    IReadOnlyList<SpeedGroup> SpeedBySource,
    IReadOnlyList<SpeedGroup> SpeedByHourOfArrival,
    SpeedFigures SpeedToAcknowledgement,
    string TimeZone,
    IReadOnlyList<string> Notes)
{
    /// <summary>Leads of the period now lost, by reason (every reason of the list, 0 included; <c>unknown</c>: closed before reasons were asked).</summary>
    public IReadOnlyList<LostReasonCount> LostReasons { get; init; } = [];
}

/// <summary>One group's counts per stage (in <see cref="FunnelFigures.Stages"/> order) and each stage's rate of the submitted.</summary>
public sealed record FunnelGroup(string Key, IReadOnlyList<int> Counts)
{
    public int Submitted => Counts.Count == 0 ? 0 : Counts[0];

    /// <summary>The share of the submitted that reached each stage, 0–1 (0 when nothing was submitted).</summary>
    public IReadOnlyList<double> Rates => [.. Counts.Select(c => Submitted == 0 ? 0 : Math.Round((double)c / Submitted, 4))];
}

/// <summary>Percentiles (nearest rank) of the times from the first submission, in seconds, over <see cref="Leads"/> leads.</summary>
public sealed record SpeedFigures(int Leads, double? P50Seconds, double? P90Seconds);

public sealed record SpeedGroup(string Key, SpeedFigures Speed);
