namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// The queue's filters, sort and page, as the query string carries them. <see cref="Scope"/>: mine, all or unassigned.
/// <see cref="Sort"/>: a column key (due, received, tier, name, assignee, activity), with a leading '-' for descending.
/// </summary>
public sealed record QueueFilter(string Scope, string? Tier, string? Status, string? Assignee, string? Condition, string? Search)
{
    public const string Mine = "mine";
    public const string All = "all";
    public const string Unassigned = "unassigned";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static readonly IReadOnlyList<string> SortKeys = ["due", "received", "tier", "name", "assignee", "activity"];

    public string Sort { get; init; } = "due";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The query string of this filter with some values changed (null drops a key), for links that keep the rest.</summary>
    public string Query(string? scope = "", string? sort = "", int? page = null)
    {
        var pairs = new List<(string, string?)>
        {
            ("scope", scope == "" ? Scope : scope), ("tier", Tier), ("status", Status), ("assignee", Assignee), ("condition", Condition), ("search", Search),
            ("sort", sort == "" ? Sort : sort), ("page", (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("pageSize", PageSize == DefaultPageSize ? null : PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return "?" + string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }
}
