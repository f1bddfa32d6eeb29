namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>A scheduled outreach as the API shows it (the text only to those who may read the lead).</summary>
public sealed record ScheduledOutreachView(
    Guid Id,
    Guid LeadId,
    string Status,
    string Channel,
    string? Subject,
    string Body,
    string Author,
    DateTimeOffset CreatedAt,
    DateTimeOffset ScheduledFor,
    IReadOnlyList<string> WaitingFor,
    Guid ScheduledEvidenceId,
    DateTimeOffset? FinishedAt,
    string? FinishedBy,
    string? Reason)
{
    public static ScheduledOutreachView From(ScheduledOutreach s) => new(s.Id, s.LeadId, s.Status, s.Channel, s.Text.Subject, s.Text.Body, s.Author,
        s.CreatedAt, s.DueAt, s.WaitingFor, s.ScheduledEvidenceId, s.FinishedAt, s.FinishedBy, s.Reason);
}
