namespace LeadPlatform.Compliance;

/// <summary>What a finding does to the decision.</summary>
public enum FindingSeverity
{
    /// <summary>The outreach is blocked: it cannot be sent as written.</summary>
    Block = 0,

    /// <summary>The outreach is held for a compliance officer: sent only after approval (and a fresh check).</summary>
    Review = 1,
}
