using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Api;

/// <summary>Why a draft is blocked; for a claim, where exactly (<c>field</c>, <c>start</c>, <c>length</c>) and the words as written.</summary>
public sealed record ViolationView(string Rule, string? Field, string? Match, int? Start, int? Length, string Advice)
{
    public static ViolationView From(ComplianceViolation v) => new(v.Rule, v.Field, v.Match, v.Start, v.Length, v.Advice);
}
