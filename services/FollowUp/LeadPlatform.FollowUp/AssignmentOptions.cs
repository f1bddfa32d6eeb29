namespace LeadPlatform.FollowUp;

/// <summary><c>FollowUp:Assignment</c>: the background check that hands out the unassigned backlog and re-offers tier-A leads nobody opened.</summary>
public sealed class AssignmentOptions
{
    /// <summary>Whether the check runs (the backlog is handed out and stale tier-A leads re-offered).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often it looks (on the host's TimeProvider).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A tier-A lead its coordinator has not opened within this time is re-offered to the next coordinator on duty (zero: never).</summary>
    public TimeSpan ReofferTierAAfter { get; set; } = TimeSpan.FromMinutes(10);
}
