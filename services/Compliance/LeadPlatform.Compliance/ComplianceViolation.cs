namespace LeadPlatform.Compliance;

/// <summary>
/// Why an outreach is blocked. For a claim, <see cref="Field"/> says where (<c>subject</c> or <c>body</c>) and
/// <see cref="Match"/>, <see cref="Start"/>, <see cref="Length"/> locate the text exactly as written in that field,
/// disguises included. For other rules (consent, quiet hours, ...) those four are null.
/// </summary>
public sealed record ComplianceViolation
{
    /// <summary>A rule id, see <see cref="ComplianceRules"/> and the claim rule set.</summary>
    public required string Rule { get; init; }
    /// <summary>What to do or write instead.</summary>
    public required string Advice { get; init; }
    public string? Field { get; init; }
    public string? Match { get; init; }
    public int? Start { get; init; }
    public int? Length { get; init; }
    /// <summary><see cref="FindingSeverity.Block"/> (default) blocks; <see cref="FindingSeverity.Review"/> holds for a person.</summary>
    public FindingSeverity Severity { get; init; } = FindingSeverity.Block;
    /// <summary>For a claim: its category (for example <c>efficacy</c>, <c>testimonial</c>, <c>safety</c>, <c>fda-status</c>).</summary>
    public string? Category { get; init; }
    /// <summary>For a claim: the regulation or guidance the rule comes from (FTC order, FDA letter or guidance section).</summary>
    public string? Source { get; init; }
    /// <summary>For a claim: a suggested rewording that says the same thing without overstating the evidence.</summary>
    public string? Suggestion { get; init; }
    /// <summary>For a semantic finding: the nearest prohibited-claim exemplar.</summary>
    public string? Exemplar { get; init; }
}
