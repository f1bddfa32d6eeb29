using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Reviews;

/// <summary>What the claims screen found in a held message, as the reviewer sees it (the matched words are sealed at rest).</summary>
public sealed class ReviewFinding
{
    internal const string SealedPurpose = "review-finding";
    internal static readonly string[] SealedFields = [nameof(Match)];

    public string Rule { get; set; } = string.Empty;
    /// <summary><c>block</c> or <c>review</c>.</summary>
    public string Severity { get; set; } = "review";
    public string? Category { get; set; }
    public string? Field { get; set; }
    public string? Match { get; set; }
    public int? Start { get; set; }
    public int? Length { get; set; }
    public string Advice { get; set; } = string.Empty;
    public string? Suggestion { get; set; }
    public string? Source { get; set; }
    public string? Exemplar { get; set; }

    public static ReviewFinding From(ComplianceViolation v) => new()
    {
        Rule = v.Rule, Severity = v.Severity == FindingSeverity.Review ? "review" : "block", Category = v.Category, Field = v.Field, Match = v.Match,
        Start = v.Start, Length = v.Length, Advice = v.Advice, Suggestion = v.Suggestion, Source = v.Source, Exemplar = v.Exemplar,
    };
}
