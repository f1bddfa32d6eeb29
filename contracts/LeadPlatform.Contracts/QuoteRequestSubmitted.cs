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
}
