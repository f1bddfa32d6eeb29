namespace LeadPlatform.Compliance;

/// <summary>What an inbound SMS means for consent: an opt-out of SMS, or not.</summary>
public sealed record SmsReplyClassification
{
    public required bool IsOptOut { get; init; }
    /// <summary>
    /// A keyword stands alone in one clause of a longer reply ("stop, I'm driving, call later"): maybe an opt-out, maybe
    /// not. Never set together with <see cref="IsOptOut"/>; a coordinator reads it and decides.
    /// </summary>
    public bool IsAmbiguous { get; init; }
    /// <summary>The channel to opt out of (<see cref="OptOutScope.Sms"/>) when <see cref="IsOptOut"/>.</summary>
    public OptOutScope? Scope { get; init; }
    /// <summary>The words that made it an opt-out (or ambiguous), as the lead wrote them.</summary>
    public string? Matched { get; init; }
    /// <summary>Version of the keyword data used (keep it with the opt-out record).</summary>
    public required string Version { get; init; }
}
