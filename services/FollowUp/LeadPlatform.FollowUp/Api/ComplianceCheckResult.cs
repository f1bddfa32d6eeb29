namespace LeadPlatform.FollowUp.Api;

/// <summary>
/// A preview of the gate's answer: nothing is recorded and nothing is sent. <c>basis</c> says what was checked:
/// <c>lead</c> (the lead's consent, opt-outs, quiet hours and history too) or <c>claims_and_disclaimers</c>.
/// </summary>
public sealed record ComplianceCheckResult(
    string Decision,
    string Basis,
    Guid? LeadId,
    string Note,
    IReadOnlyList<ViolationView> Violations,
    IReadOnlyList<DisclaimerView> Disclaimers,
    string? Subject,
    string? Message,
    DateTimeOffset? NextAllowedAt);
