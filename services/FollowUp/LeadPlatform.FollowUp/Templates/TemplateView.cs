namespace LeadPlatform.FollowUp.Templates;

/// <summary>A template as the API shows it, with what the gate said when it was saved and whether its current revision is approved.</summary>
public sealed record TemplateView(
    Guid Id, long Version, string Name, string Channel, string Language, string Condition, string? Subject, string Body, bool Retired,
    string UpdatedBy, DateTimeOffset UpdatedAt, string? ScreeningDecision, DateTimeOffset? ScreenedAt, IReadOnlyList<string> Disclaimers,
    long Revision, bool Approved, long? ApprovedRevision, string? ApprovedBy, DateTimeOffset? ApprovedAt)
{
    public static TemplateView From(MessageTemplate t) => new(
        t.Id, t.Version, t.Name, t.Channel, t.Language, t.Condition, t.Subject, t.Body, t.Retired, t.UpdatedBy, t.UpdatedAt,
        t.Screening?.Decision, t.Screening?.At, t.Screening?.Disclaimers ?? [], t.Revision, t.IsApproved, t.ApprovedRevision, t.ApprovedBy, t.ApprovedAt);
}
