namespace LeadPlatform.FollowUp.Scheduling;

/// <summary><c>FollowUp:Scheduling</c>: how often the scheduler looks for due outreach, and how long a claim lasts.</summary>
public sealed class SchedulingOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>A replica that claimed an item and died: after this, another replica may claim it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
