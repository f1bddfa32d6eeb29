namespace LeadPlatform.FollowUp.Views;

/// <summary>A queue view one person saved: a name and the queue's filter and sort (see <see cref="Dashboard.QueueFilter"/>).</summary>
public sealed class SavedView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Scope { get; set; } = Dashboard.QueueFilter.Mine;
    public string? Tier { get; set; }
    public string? Status { get; set; }
    public string? Assignee { get; set; }
    public string? Condition { get; set; }
    public string? Search { get; set; }
    public string Sort { get; set; } = "due";
    public DateTimeOffset CreatedAt { get; set; }

    public Dashboard.QueueFilter Filter() => new(Scope, Tier, Status, Assignee, Condition, Search) { Sort = Sort };

    /// <summary>The queue's address for this view, marked as this view.</summary>
    public string Href() => "/dashboard" + Filter().Query(page: 1) + "&view=" + Id.ToString("N");
}
