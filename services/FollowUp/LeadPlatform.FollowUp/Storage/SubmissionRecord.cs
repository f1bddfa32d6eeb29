using LeadPlatform.Contracts;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// One quote request of the lead, kept as it came (beside the others, never replacing them): who wrote, what they asked,
/// what they consented to, and what qualification decided about it. Person, inquiry and source are sealed at rest.
/// </summary>
public sealed class SubmissionRecord
{
    public Guid QuoteRequestId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The lead intake filed it under (another one's, for a submission that came with a merged lead).</summary>
    public Guid LeadId { get; set; }
    /// <summary>Intake found it to be the same person coming back (email, name and date of birth match).</summary>
    public bool Repeat { get; set; }
    public PersonDetails? Person { get; set; }
    public InquiryDetails? Inquiry { get; set; }
    public ConsentSnapshot? Consent { get; set; }
    public SubmissionSource? Source { get; set; }
    /// <summary>qualified (with <see cref="Tier"/>) or not_eligible, once qualification decided; null before.</summary>
    public string? Decision { get; set; }
    public string? Tier { get; set; }
    public int? Score { get; set; }
}

/// <summary>
/// Qualification's decision on a quote request whose submission had not reached follow-up yet (distributed, the two events
/// race); it goes onto the submission when that arrives, and is kept here only until then.
/// </summary>
public sealed class EarlyDecision
{
    public Guid QuoteRequestId { get; set; }
    public string Decision { get; set; } = "";
    public string? Tier { get; set; }
    public int? Score { get; set; }
}
