namespace LeadPlatform.FollowUp;

/// <summary>The <c>FollowUp</c> configuration section.</summary>
public sealed class FollowUpOptions
{
    /// <summary>How soon a lead of each tier must be contacted.</summary>
    public Dictionary<string, TimeSpan> Sla { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = TimeSpan.FromMinutes(15),
        ["B"] = TimeSpan.FromHours(4),
        ["C"] = TimeSpan.FromHours(24),
    };

    public TimeSpan SlaFor(string tier) => Sla.TryGetValue(tier, out var sla) ? sla : TimeSpan.FromHours(24);
}
