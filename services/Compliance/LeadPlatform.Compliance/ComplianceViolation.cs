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
}
