using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Rules;

namespace LeadPlatform.Qualification.Tests.Rules;

/// <summary>Quote requests to start from, and small edits on them, so each test states only what it varies.</summary>
internal static class Requests
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public static readonly QualificationEngine Engine = QualificationEngine.CreateDefault();

    /// <summary>
    /// An adult in Spain with spondylolysis for a year, rest and physical therapy tried, valid email and phone,
    /// email and phone consented, preferring email, no message: 78 points, tier A, no flags.
    /// </summary>
    public static QuoteRequestSubmitted Strong() => new()
    {
        LeadId = Guid.Parse("6f1c2d0e-0000-4000-8000-000000000001"),
        QuoteRequestId = Guid.Parse("6f1c2d0e-0000-4000-8000-000000000002"),
        OccurredAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero),
        SiteId = "clinic-es",
        Person = new PersonDetails
        {
            FirstName = "Lucía",
            LastName = "Fernández",
            Email = "lucia.fernandez@mailbox.org",
            Phone = "+34612345678",
            DateOfBirth = new DateOnly(1990, 5, 17),
            Country = "ES",
            PostalCode = "28001",
            PreferredChannel = "email",
            Language = "es",
        },
        Inquiry = new InquiryDetails
        {
            Condition = "spondylolysis",
            SymptomDurationMonths = 12,
            TreatmentsTried = ["rest", "physical_therapy"],
        },
        Consent = Consents(email: true, sms: false, phone: true),
        Source = new SubmissionSource { FormId = "free-quote", PageUrl = "https://clinic.es/espondilolisis" },
    };

    public static ConsentSnapshot Consents(bool email, bool sms, bool phone) => new()
    {
        Email = Consent(email),
        Sms = Consent(sms),
        Phone = Consent(phone),
    };

    private static ChannelConsent Consent(bool granted) => granted
        ? new ChannelConsent
        {
            Granted = true,
            Text = "I agree to be contacted about my request.",
            TextVersion = "consent-2026-10",
            GrantedAt = new DateTimeOffset(2026, 11, 24, 9, 29, 0, TimeSpan.Zero),
        }
        : new ChannelConsent { Granted = false };

    public static QuoteRequestSubmitted WithPerson(this QuoteRequestSubmitted request, Func<PersonDetails, PersonDetails> edit) =>
        request with { Person = edit(request.Person) };

    public static QuoteRequestSubmitted WithInquiry(this QuoteRequestSubmitted request, Func<InquiryDetails, InquiryDetails> edit) =>
        request with { Inquiry = edit(request.Inquiry) };

    public static QuoteRequestSubmitted WithConsent(this QuoteRequestSubmitted request, bool email, bool sms, bool phone) =>
        request with { Consent = Consents(email, sms, phone) };

    public static QuoteRequestSubmitted WithName(this QuoteRequestSubmitted request, string first, string last) =>
        request.WithPerson(p => p with { FirstName = first, LastName = last });

    public static QuoteRequestSubmitted WithEmail(this QuoteRequestSubmitted request, string? email) =>
        request.WithPerson(p => p with { Email = email });

    public static QuoteRequestSubmitted WithTreatments(this QuoteRequestSubmitted request, string treatments) =>
        request.WithInquiry(i => i with { TreatmentsTried = Split(treatments) });

    public static QuoteRequestSubmitted WithMessage(this QuoteRequestSubmitted request, string? message) =>
        request.WithInquiry(i => i with { Message = message });

    public static QualificationOutcome Evaluate(this QuoteRequestSubmitted request) => Engine.Evaluate(request, Today);

    public static QualificationOutcome Evaluate(this QuoteRequestSubmitted request, DateOnly today) => Engine.Evaluate(request, today);

    public static string[] Split(string commaSeparated) =>
        commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Everything an outcome says, as one string, to compare two outcomes field by field.</summary>
    public static string Describe(QualificationOutcome o) =>
        $"{o.Eligible}|{o.Tier}|{o.ScoreTier}|{o.Score}|{o.RuleSetVersion}|"
        + string.Join(";", o.Reasons.Select(r => $"{r.Rule}:{r.Points}:{r.Text}")) + "|"
        + string.Join(";", o.Flags) + "|"
        + string.Join(";", o.Disqualifications.Select(d => $"{d.Rule}:{d.Text}"));

    public static string[] DisqualificationRules(this QualificationOutcome outcome) => [.. outcome.Disqualifications.Select(d => d.Rule)];

    public static string[] ReasonRules(this QualificationOutcome outcome) => [.. outcome.Reasons.Select(r => r.Rule)];
}
