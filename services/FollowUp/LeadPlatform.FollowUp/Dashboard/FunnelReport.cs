namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>Leads per stage over a period, and the speed to lead (submission → first outreach that went out).</summary>
public sealed record FunnelReport(
    DateTimeOffset From, DateTimeOffset To, int Days, IReadOnlyList<(string Stage, string Label, int Count)> Stages,
    int Reached, TimeSpan? SpeedP50, TimeSpan? SpeedP90);
