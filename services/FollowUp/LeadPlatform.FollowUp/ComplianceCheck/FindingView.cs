using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.ComplianceCheck;

/// <summary>
/// One thing the compliance check found: the rule, whether it blocks (<c>block</c>) or asks for a compliance officer's
/// <c>review</c>, and for a claim where exactly (<c>field</c>, <c>start</c>, <c>length</c>), the words as written
/// (<c>match</c>), a suggested rewording, the regulation or guidance the rule comes from, and the nearest prohibited-claim
/// exemplar (semantic findings).
/// </summary>
public sealed record FindingView(
    string Rule, string Severity, string? Category, string? Field, string? Match, int? Start, int? Length, string Advice,
    string? Suggestion, string? Source, string? Exemplar)
{
    public static FindingView From(ComplianceViolation v) => new(
        v.Rule, v.Severity == FindingSeverity.Review ? "review" : "block", v.Category, v.Field, v.Match, v.Start, v.Length, v.Advice,
        v.Suggestion, v.Source, v.Exemplar);

    public static FindingView From(Reviews.ReviewFinding f) => new(
        f.Rule, f.Severity, f.Category, f.Field, f.Match, f.Start, f.Length, f.Advice, f.Suggestion, f.Source, f.Exemplar);
}
