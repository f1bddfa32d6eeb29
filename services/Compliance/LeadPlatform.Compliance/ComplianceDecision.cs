namespace LeadPlatform.Compliance;

/// <summary>
/// The gate's answer. Only the gate makes one. <see cref="Outreach"/> is non-null only when
/// <see cref="ComplianceGate.Check"/> cleared the draft; a preview never carries one.
/// </summary>
public sealed class ComplianceDecision
{
    public const string ClearedValue = "cleared";
    public const string BlockedValue = "blocked";
    public const string ReviewValue = "review";

    internal ComplianceDecision(
        IReadOnlyList<ComplianceViolation> violations,
        IReadOnlyList<AttachedDisclaimer> disclaimers,
        string? subject,
        string? message,
        DateTimeOffset? nextAllowedAt,
        EvidenceRecord? evidence,
        ClearedOutreach? outreach)
    {
        Violations = violations;
        Disclaimers = disclaimers;
        Subject = subject;
        Message = message;
        NextAllowedAt = nextAllowedAt;
        Evidence = evidence;
        Outreach = outreach;
    }

    public bool Cleared => Violations.Count == 0;
    /// <summary>Not cleared, and every finding only asks for a person's review: hold it for a compliance officer.</summary>
    public bool HeldForReview => Violations.Count > 0 && Violations.All(v => v.Severity == FindingSeverity.Review);
    /// <summary><c>cleared</c>, <c>review</c> or <c>blocked</c>.</summary>
    public string Decision => Of(Violations);
    /// <summary>The decision the findings make: any blocking one blocks; review-only findings hold for review.</summary>
    public static string Of(IReadOnlyCollection<ComplianceViolation> findings)
        => findings.Count == 0 ? ClearedValue : findings.All(v => v.Severity == FindingSeverity.Review) ? ReviewValue : BlockedValue;
    /// <summary>Every finding, blocking and review alike (the API calls them <c>findings</c>).</summary>
    public IReadOnlyList<ComplianceViolation> Violations { get; }
    public IReadOnlyList<AttachedDisclaimer> Disclaimers { get; }
    /// <summary>Email subject as it would be sent (null for SMS and calls).</summary>
    public string? Subject { get; }
    /// <summary>What would be sent, disclaimers included; null when no disclaimer could be attached.</summary>
    public string? Message { get; }
    /// <summary>
    /// When blocked only by quiet hours and/or the frequency cap: the earliest time it could go, so it can be scheduled.
    /// Null otherwise (a scheduled retry would only be blocked again).
    /// </summary>
    public DateTimeOffset? NextAllowedAt { get; }
    /// <summary><see cref="NextAllowedAt"/> as the clock shows it in each of the lead's candidate time zones (texts and calls).</summary>
    public IReadOnlyList<ContactLocalTime> NextAllowedLocal { get; internal init; } = [];
    /// <summary>The evidence record to append (link it with <see cref="EvidenceChain.Link"/>); null for a preview.</summary>
    public EvidenceRecord? Evidence { get; }
    /// <summary>The outreach a channel will accept; null when blocked, and always null for a preview.</summary>
    public ClearedOutreach? Outreach { get; }
}
