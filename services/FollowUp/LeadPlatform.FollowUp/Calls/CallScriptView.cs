using LeadPlatform.FollowUp.Disclaimers;

namespace LeadPlatform.FollowUp.Calls;

/// <summary>
/// A cleared call: the script to read (disclaimer first), the disclaimer that must be read aloud, and where to confirm
/// having read it. Call before <c>validUntil</c> (calling hours and caps were judged now).
/// </summary>
public sealed record CallScriptView(
    Guid OutreachId,
    Guid EvidenceId,
    string Status,
    string Script,
    DisclaimerView ReadAloudDisclaimer,
    DateTimeOffset ValidUntil,
    string ConfirmReadUrl);
