namespace LeadPlatform.Compliance;

/// <summary>Tunable limits of the gate. The defaults are the product's policy.</summary>
public sealed record ComplianceOptions
{
    /// <summary>At most this many attempts per channel within <see cref="FrequencyWindow"/>.</summary>
    public int MaxAttemptsPerChannel { get; init; } = 3;
    public TimeSpan FrequencyWindow { get; init; } = TimeSpan.FromHours(24);
    /// <summary>SMS and calls only from this local time (inclusive) ...</summary>
    public TimeOnly CallingHoursFrom { get; init; } = new(8, 0);
    /// <summary>... until this local time (exclusive).</summary>
    public TimeOnly CallingHoursUntil { get; init; } = new(20, 0);
    /// <summary>How long a cleared outreach may wait before a channel must refuse it.</summary>
    public TimeSpan ClearanceLifetime { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>
    /// Add the claims screen's English semantic second opinion (sentence embeddings against prohibited-claim
    /// exemplars; findings go to review). Off by default: its model is loaded only by a gate that asks for it.
    /// </summary>
    public bool SemanticSecondOpinion { get; init; }

    public static ComplianceOptions Default { get; } = new();
}
