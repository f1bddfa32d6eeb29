namespace LeadPlatform.FollowUp;

/// <summary>The <c>FollowUp:Escalation</c> section: the search for tasks past their due time.</summary>
public sealed class EscalationOptions
{
    /// <summary>Whether this instance looks for overdue tasks (any number of instances may: each task is escalated once).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Leads examined per look (the most overdue first); the rest come at the next look.</summary>
    public int BatchSize { get; set; } = 100;
}
