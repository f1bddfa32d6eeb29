namespace LeadPlatform.Compliance;

/// <summary>
/// What the contact rules say about one call, text or email now. <see cref="DecidedBy"/> is the <c>id@version</c> of
/// the rule that decided (the binding one when blocked, the strictest applicable one when allowed; null when no rule
/// applies to the channel). <see cref="NextAllowedAt"/> is set when only timing blocks (window or frequency).
/// </summary>
public sealed record ContactEvaluation
{
    public required bool Allowed { get; init; }
    public required OutreachChannel Channel { get; init; }
    public string? DecidedBy { get; init; }
    /// <summary>Why, in words a coordinator can act on.</summary>
    public required string Reason { get; init; }
    /// <summary>True when the only obstacle is timing, so the outreach can wait for <see cref="NextAllowedAt"/>.</summary>
    public bool BlockedByTimingOnly { get; init; }
    /// <summary>Blocked (also) because now is outside the effective contact window.</summary>
    public bool OutsideWindow { get; init; }
    /// <summary>Blocked (also) because a frequency limit is reached.</summary>
    public bool OverFrequencyLimit { get; init; }
    /// <summary>Every rule that applied, as <c>id@version</c>.</summary>
    public IReadOnlyList<string> AppliedRules { get; init; } = [];
    /// <summary>The jurisdictions found (<c>country:US</c>, <c>state:US-FL</c>…), with where each came from.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public IReadOnlyList<string> TimeZones { get; init; } = [];
    /// <summary>The effective window (latest from, earliest until) in the lead's local time, when a window applies.</summary>
    public TimeOnly? WindowFrom { get; init; }
    public TimeOnly? WindowUntil { get; init; }
    public DateTimeOffset? NextAllowedAt { get; init; }
    /// <summary><see cref="NextAllowedAt"/> in each candidate zone of the lead.</summary>
    public IReadOnlyList<ContactLocalTime> NextAllowedLocal { get; init; } = [];
    /// <summary>Version of the rule table used.</summary>
    public required string TableVersion { get; init; }
}
