using LeadPlatform.Contracts;

namespace LeadPlatform.TestSupport;

/// <summary>Contract messages as the services publish them, for consumer tests.</summary>
public static class SampleMessages
{
    public static QuoteRequestSubmitted QuoteRequestSubmitted(Guid? leadId = null, DateOnly? dateOfBirth = null) => new()
    {
        LeadId = leadId ?? Guid.CreateVersion7(),
        QuoteRequestId = Guid.CreateVersion7(),
        OccurredAt = DateTimeOffset.UtcNow,
        SiteId = "default",
        Person = new PersonDetails
        {
            FirstName = "Maria",
            LastName = "Lopez",
            Email = "maria.lopez@fastmail.com",
            Phone = "+14155550134",
            DateOfBirth = dateOfBirth ?? new DateOnly(1990, 4, 12),
            Country = "US",
            PostalCode = "94110",
            PreferredChannel = "email",
            Language = "en",
        },
        Inquiry = new InquiryDetails
        {
            Condition = "spondylolysis",
            SymptomDurationMonths = 8,
            TreatmentsTried = ["rest", "physical_therapy"],
            Message = "Pain for 8 months, PT helped a little.",
        },
        Consent = new ConsentSnapshot
        {
            Email = new ChannelConsent { Granted = true, Text = "I agree to be contacted by email.", TextVersion = "2026-11", GrantedAt = DateTimeOffset.UtcNow },
            Sms = new ChannelConsent { Granted = false },
            Phone = new ChannelConsent { Granted = false },
        },
        Source = new SubmissionSource { FormId = "free-quote", PageUrl = "https://clinic.example/spondylolysis", UtmSource = "google" },
    };

    public static LeadQualified LeadQualified(Guid leadId, Guid quoteRequestId, string tier = "A") => new()
    {
        LeadId = leadId,
        QuoteRequestId = quoteRequestId,
        OccurredAt = DateTimeOffset.UtcNow,
        Tier = tier,
        Score = 80,
        Reasons = [new ScoreReason { Rule = "condition_match", Points = 80, Text = "condition is spondylolysis" }],
        RuleSetVersion = "test",
    };

    public static LeadDisqualified LeadDisqualified(Guid leadId, Guid quoteRequestId) => new()
    {
        LeadId = leadId,
        QuoteRequestId = quoteRequestId,
        OccurredAt = DateTimeOffset.UtcNow,
        Reasons = [new DisqualificationReason { Rule = "under_18", Text = "The person is under 18." }],
        RuleSetVersion = "test",
    };
}
