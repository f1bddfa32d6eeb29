using LeadPlatform.Contracts;

namespace LeadPlatform.Intake.Api;

/// <summary>A valid request, normalised: trimmed text, lower-case email, E.164 phone, upper-case country.</summary>
public sealed record NormalizedQuoteRequest(
    PersonDetails Person,
    InquiryDetails Inquiry,
    ConsentSnapshot Consent,
    SubmissionSource Source,
    bool HoneypotFilled,
    DateTimeOffset? FormRenderedAt);
