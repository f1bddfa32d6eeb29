namespace LeadPlatform.Qualification;

/// <summary>The <c>Qualification</c> configuration section.</summary>
public sealed class QualificationOptions
{
    /// <summary>An embedded rule-set version; empty for the newest.</summary>
    public string? RuleSetVersion { get; set; }

    /// <summary>The key operators send as <c>X-Operator-Key</c> to re-run qualification. Unset: re-qualification is off.</summary>
    public string? OperatorApiKey { get; set; }
}
