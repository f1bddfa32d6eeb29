using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>A genuine (non-spam) quote request was stored by intake.</summary>
[MessageUrn("lead-platform:quote-request-submitted:v1")]
[EntityName("lead-platform.quote-request-submitted")]
public sealed record QuoteRequestSubmitted
{
    public required Guid LeadId { get; init; }
    public required Guid QuoteRequestId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string SiteId { get; init; }
    public required PersonDetails Person { get; init; }
    public required InquiryDetails Inquiry { get; init; }
    public required ConsentSnapshot Consent { get; init; }
    public required SubmissionSource Source { get; init; }
    /// <summary>
    /// True when intake found this to be the same person as <see cref="LeadId"/>'s earlier requests (email, name and date of
    /// birth all match): a repeat submission, which never replaces the contact details or consent on file. Absent in
    /// events written before it existed (false).
    /// </summary>
    public bool Repeat { get; init; }
    /// <summary>Other leads that may be the same person (a shared phone, the same email with another name…). Absent: none.</summary>
    public IReadOnlyList<PossibleSameLead>? PossibleSameLeads { get; init; }
}
