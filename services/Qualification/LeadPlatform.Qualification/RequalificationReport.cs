namespace LeadPlatform.Qualification;

/// <summary>What a re-qualification run did.</summary>
public sealed record RequalificationReport(string RuleSetVersion, int Examined, int Changed, int Unchanged, int Skipped);
