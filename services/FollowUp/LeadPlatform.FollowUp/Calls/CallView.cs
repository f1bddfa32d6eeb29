using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Calls;

/// <summary>A logged call as the API shows it.</summary>
public sealed record CallView(
    Guid CallId,
    Guid LeadId,
    DateTimeOffset At,
    string Direction,
    string Outcome,
    string OutcomeText,
    int? DurationSeconds,
    string? Notes,
    string By,
    Guid? ScriptOutreachId,
    bool FlaggedForCompliance,
    string? FlagReason,
    IReadOnlyList<Guid> ClosedTaskIds,
    Guid? CallbackTaskId,
    DateTimeOffset? CallbackAt)
{
    public static CallView From(Guid leadId, CallRecord c) => new(
        c.Id, leadId, c.At, c.Direction, c.Outcome, CallOutcomes.Describe(c.Outcome), c.DurationSeconds, c.Notes, c.By, c.ScriptOutreachId,
        c.FlaggedForCompliance, c.FlagReason, [.. c.ClosedTaskIds], c.CallbackTaskId, c.CallbackAt);
}
