using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Templates;

/// <summary>
/// How a save ended: <see cref="Saved"/>; or refused, with the field <see cref="Errors"/>, the gate's blocking
/// <see cref="Screening"/>, <see cref="NotFound"/> or <see cref="Conflict"/> (someone else saved it meanwhile). Nothing
/// is stored unless it is saved.
/// </summary>
public sealed record TemplateSaveResult(
    MessageTemplate? Saved,
    IReadOnlyDictionary<string, string[]> Errors,
    ComplianceDecision? Screening,
    bool NotFound = false,
    bool Conflict = false)
{
    public bool Blocked => Saved is null && Screening is { Decision: ComplianceDecision.BlockedValue };
}
