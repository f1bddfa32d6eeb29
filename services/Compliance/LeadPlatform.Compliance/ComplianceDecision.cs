namespace LeadPlatform.Compliance;

/// <summary>
/// The gate's answer. Only the gate makes one. <see cref="Outreach"/> is non-null only when
/// <see cref="ComplianceGate.Check"/> cleared the draft; a preview never carries one.
/// </summary>
public sealed class ComplianceDecision
{
    public const string ClearedValue = "cleared";
    public const string BlockedValue = "blocked";

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
    /// <summary><c>cleared</c> or <c>blocked</c>.</summary>
    public string Decision => Cleared ? ClearedValue : BlockedValue;
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
    /// <summary>The evidence record to append (link it with <see cref="EvidenceChain.Link"/>); null for a preview.</summary>
    public EvidenceRecord? Evidence { get; }
    /// <summary>The outreach a channel will accept; null when blocked, and always null for a preview.</summary>
    public ClearedOutreach? Outreach { get; }
}
