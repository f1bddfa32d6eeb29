namespace LeadPlatform.FollowUp.Storage;

/// <summary>Where a lead stands in the coordinators' funnel (stored, in the API's JSON and on the pages as <see cref="LeadStatuses"/> names it).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(LeadStatusJson))]
public enum LeadStatus
{
    /// <summary><c>new</c>: qualified (or revived), nobody has reached the lead yet.</summary>
    New = 0,

    /// <summary><c>not_eligible</c>: qualification found no task to open.</summary>
    NotEligible = 1,

    /// <summary><c>contacted</c>.</summary>
    Contacted = 2,

    /// <summary><c>quote_sent</c>.</summary>
    QuoteSent = 3,

    /// <summary><c>consultation_booked</c>.</summary>
    ConsultationBooked = 4,

    /// <summary><c>won</c>.</summary>
    Won = 5,

    /// <summary><c>lost</c>.</summary>
    Lost = 6,

    /// <summary><c>not_a_candidate</c>.</summary>
    NotACandidate = 7,
}
