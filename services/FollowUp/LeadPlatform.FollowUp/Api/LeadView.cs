using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Api;

/// <summary>A lead's follow-up view: who, where it stands, its tasks, its timeline and its outreach.</summary>
public sealed record LeadView(
    Guid LeadId,
    string Status,
    string? Name,
    string? Condition,
    string? Tier,
    int? Score,
    IReadOnlyList<FollowUpTask> Tasks,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<string> OptOuts,
    IReadOnlyList<OutreachView> Outreach,
    int EvidenceRecords,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static LeadView From(LeadDocument lead) => new(
        lead.Id,
        lead.Status,
        lead.Person is { } p ? $"{p.FirstName} {p.LastName}" : null,
        lead.Inquiry?.Condition,
        lead.Tier,
        lead.Score,
        lead.Tasks,
        lead.Timeline.OrderBy(e => e.At).ToList(),
        lead.OptOuts,
        lead.Outreach.Select(OutreachView.From).ToList(),
        lead.Evidence.Count,
        lead.CreatedAt,
        lead.UpdatedAt);
}
