namespace LeadPlatform.FollowUp.Storage;

/// <summary>One thing that happened to a lead, with who and when.</summary>
public sealed class TimelineEntry
{
    public DateTimeOffset At { get; set; }
    /// <summary>submitted, qualified, disqualified, task_created, opted_out, ...</summary>
    public string Kind { get; set; } = string.Empty;
    public string Summary { get; set; } = string.Empty;
    /// <summary>system, or the coordinator who acted.</summary>
    public string Actor { get; set; } = "system";
    public Guid? QuoteRequestId { get; set; }
    public Dictionary<string, string> Details { get; set; } = [];
}
