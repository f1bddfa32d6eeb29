using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Leads;

/// <summary>
/// A lead's follow-up view: who (the contact details on file), where it stands, its tasks, timeline and outreach, every
/// submission, the consent history, and the leads that may be the same person.
/// </summary>
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
    DateTimeOffset UpdatedAt,
    string? Email,
    string? Phone,
    IReadOnlyList<SubmissionRecord> Submissions,
    IReadOnlyList<ConsentRecord> ConsentHistory,
    IReadOnlyList<LeadLink> PossibleSamePeople,
    Guid? MergedInto,
    IReadOnlyList<Guid> MergedFrom)
{
    public static LeadView From(LeadDocument lead) => new(
        lead.Id,
        lead.Status.Name(),
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
        lead.UpdatedAt,
        lead.Person?.Email,
        lead.Person?.Phone,
        lead.Submissions,
        lead.ConsentHistory,
        lead.PossibleSamePeople,
        lead.MergedInto,
        lead.MergedFrom);
}
