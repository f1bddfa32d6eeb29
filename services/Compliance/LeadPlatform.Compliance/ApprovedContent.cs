namespace LeadPlatform.Compliance;

/// <summary>
/// Text a compliance officer approved in advance (a template version with its placeholders filled in). Where it
/// stands verbatim in the subject or body, the claims screen does not screen it again; everything around it (what a
/// coordinator added) is screened as usual. Consent, opt-outs, timing and disclaimers are never skipped.
/// </summary>
public sealed record ApprovedContent
{
    /// <summary>What was approved, for the evidence: for example <c>template:first-contact-email@3</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The approved text as it appears in the message.</summary>
    public required string Text { get; init; }
}
