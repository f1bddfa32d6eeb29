using LeadPlatform.FollowUp.Disclaimers;

namespace LeadPlatform.FollowUp.ComplianceCheck;

/// <summary>
/// A preview of the gate's answer: nothing is recorded and nothing is sent. <c>decision</c> is <c>cleared</c>,
/// <c>review</c> (a send would be held for a compliance officer) or <c>blocked</c>; <c>findings</c> say why (each with its
/// <c>match</c> in the text); <c>violations</c> is the same list under its former name. <c>basis</c> says what was checked:
/// <c>lead</c> (the lead's consent, opt-outs, quiet hours and history too) or <c>claims_and_disclaimers</c>.
/// </summary>
public sealed record ComplianceCheckResult(
    string Decision,
    string Basis,
    Guid? LeadId,
    string Note,
    IReadOnlyList<FindingView> Findings,
    IReadOnlyList<DisclaimerView> Disclaimers,
    string? Subject,
    string? Message,
    DateTimeOffset? NextAllowedAt)
{
    public IReadOnlyList<FindingView> Violations => Findings;
}
