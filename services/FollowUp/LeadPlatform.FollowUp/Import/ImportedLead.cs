using LeadPlatform.Contracts;

namespace LeadPlatform.FollowUp.Import;

/// <summary>What one row becomes: the person, the inquiry, the consent the file proves, and the file's own source column.</summary>
public sealed record ImportedLead(PersonDetails Person, InquiryDetails Inquiry, ConsentSnapshot Consent, string? FileSource);
