namespace LeadPlatform.Compliance;

/// <summary>One rule's result inside an evidence record.</summary>
public sealed record EvidenceRuleResult
{
    public required string Rule { get; init; }
    /// <summary><c>passed</c>, <c>failed</c> or <c>not-applicable</c>.</summary>
    public required string Outcome { get; init; }
    public string? Detail { get; init; }
}
