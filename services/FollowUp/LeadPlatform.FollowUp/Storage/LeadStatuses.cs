using LeadPlatform.Storage.Names;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// The stored names of <see cref="LeadStatus"/>: <c>new</c>, <c>not_eligible</c>, <c>contacted</c>, <c>quote_sent</c>,
/// <c>consultation_booked</c>, <c>won</c>, <c>lost</c>, <c>not_a_candidate</c> (as documents, timeline details, the
/// API's JSON, the webhooks and the pages' forms have always had them).
/// </summary>
public static class LeadStatuses
{
    public static NameMap<LeadStatus> Map { get; } = NameMap<LeadStatus>.Stored("lead status", new Dictionary<LeadStatus, string>
    {
        [LeadStatus.New] = "new",
        [LeadStatus.NotEligible] = "not_eligible",
        [LeadStatus.Contacted] = "contacted",
        [LeadStatus.QuoteSent] = "quote_sent",
        [LeadStatus.ConsultationBooked] = "consultation_booked",
        [LeadStatus.Won] = "won",
        [LeadStatus.Lost] = "lost",
        [LeadStatus.NotACandidate] = "not_a_candidate",
    });

    /// <summary>The stored name, for timeline details, the API's JSON and the pages.</summary>
    public static string Name(this LeadStatus status) => Map.NameOf(status);
}
