namespace LeadPlatform.Compliance;

/// <summary>Tunable limits of the gate. The defaults are the product's policy.</summary>
public sealed record ComplianceOptions
{
    /// <summary>At most this many attempts per channel within <see cref="FrequencyWindow"/>.</summary>
    public int MaxAttemptsPerChannel { get; init; } = 3;
    public TimeSpan FrequencyWindow { get; init; } = TimeSpan.FromHours(24);
    /// <summary>
    /// The contact windows and frequency limits by jurisdiction (null: the embedded table). Texts and calls must fall
    /// inside every applicable window; every applicable limit must hold, besides <see cref="MaxAttemptsPerChannel"/>.
    /// </summary>
    public ContactRuleTable? ContactRules { get; init; }
    /// <summary>How long a cleared outreach may wait before a channel must refuse it.</summary>
    public TimeSpan ClearanceLifetime { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>
    /// Add the claims screen's English semantic second opinion (sentence embeddings against prohibited-claim
    /// exemplars; findings go to review). Off by default: its model is loaded only by a gate that asks for it.
    /// </summary>
    public bool SemanticSecondOpinion { get; init; }

    public static ComplianceOptions Default { get; } = new();
}
