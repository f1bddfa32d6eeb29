namespace LeadPlatform.FollowUp.Calls;

/// <summary>A call to log: <c>outcome</c> (reached, no_answer, voicemail, wrong_number, callback_requested, not_interested),
/// <c>direction</c> (outbound, inbound), <c>durationSeconds</c>, <c>notes</c>, optional <c>callbackAt</c>, and the
/// <c>scriptOutreachId</c> of the call script it followed with <c>readAloud</c> when its disclaimer was read on this call.</summary>
public sealed record CallBody(
    string? Outcome,
    string? Direction,
    int? DurationSeconds,
    string? Notes,
    DateTimeOffset? CallbackAt,
    Guid? ScriptOutreachId = null,
    bool? ReadAloud = null,
    string? Coordinator = null);
