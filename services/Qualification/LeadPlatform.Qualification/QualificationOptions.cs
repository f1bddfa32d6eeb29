using LeadPlatform.Qualification.Rules;

namespace LeadPlatform.Qualification;

/// <summary>The <c>Qualification</c> configuration section.</summary>
public sealed class QualificationOptions
{
    /// <summary>An embedded rule-set version; empty for the newest.</summary>
    public string? RuleSetVersion { get; set; }

    /// <summary>A rule-set JSON file of the operator's; it wins over <see cref="RuleSetVersion"/>.</summary>
    public string? RuleSetFile { get; set; }

    /// <summary>The key operators send as <c>X-Operator-Key</c> to re-run qualification. Unset: re-qualification is off.</summary>
    public string? OperatorApiKey { get; set; }

    public RuleSet LoadRuleSet()
    {
        if (!string.IsNullOrWhiteSpace(RuleSetFile))
        {
            using var file = File.OpenRead(RuleSetFile);
            return RuleSet.FromJson(file);
        }
        return string.IsNullOrWhiteSpace(RuleSetVersion) ? RuleSet.LoadDefault() : RuleSet.LoadEmbedded(RuleSetVersion);
    }
}
