namespace LeadPlatform.Compliance;

/// <summary>One claim rule as a compliance officer sees it: what it catches, how hard, where it comes from.</summary>
public sealed record ClaimRuleInfo(string Id, string Title, string? Category, FindingSeverity Severity, string? Source, string Advice, string? Suggestion);
