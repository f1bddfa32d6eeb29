namespace LeadPlatform.Intake.Api;

/// <summary>
/// The public JSON contract of <c>POST /api/v1/quote-requests</c> (camelCase). Only these properties are read:
/// anything else in the body is ignored, never bound.
/// </summary>
public sealed class QuoteRequestBody
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public int? Age { get; set; }
    public string? Country { get; set; }
    public string? PostalCode { get; set; }
    public string? PreferredChannel { get; set; }
    public string? Language { get; set; }
    public string? Condition { get; set; }
    public string? ConditionOther { get; set; }
    public int? SymptomDurationMonths { get; set; }
    public List<string>? TreatmentsTried { get; set; }
    public string? Message { get; set; }
    public ConsentBody? Consent { get; set; }
    public SourceBody? Source { get; set; }
    /// <summary>The honeypot: humans leave it empty.</summary>
    public string? Website { get; set; }
    public DateTimeOffset? FormRenderedAt { get; set; }
}
