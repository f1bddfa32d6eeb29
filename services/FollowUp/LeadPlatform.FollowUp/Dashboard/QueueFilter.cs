namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>The queue's filters, as the query string carries them.</summary>
public sealed record QueueFilter(string Scope, string? Tier, string? Status, string? Assignee, string? Condition, string? Search)
{
    public const string Mine = "mine";
    public const string All = "all";
}
