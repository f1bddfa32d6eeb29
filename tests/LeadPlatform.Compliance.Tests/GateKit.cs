using LeadPlatform.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.Compliance.Tests;

/// <summary>A lead in New York who consented to everything, and drafts to them, at a fixed time.</summary>
internal static class GateKit
{
    /// <summary>Tuesday 10 June 2025, 12:00 in New York (16:00 UTC): inside calling hours.</summary>
    public static readonly DateTimeOffset NoonInNewYork = new(2025, 6, 10, 16, 0, 0, TimeSpan.Zero);

    public const string Phone = "+12015550123";
    public const string Email = "alex.lead@example.com";
    public const string HonestBody =
        "Hi Alex, thank you for asking about a quote for stem-cell treatment for spondylolysis. "
        + "The quote for the consultation and procedure is USD 6,800. I am happy to go through it with you by phone.";

    public static readonly Guid LeadId = Guid.Parse("0197a1b2-0000-7000-8000-000000000001");

    public static FakeTimeProvider Clock(DateTimeOffset? at = null) => new(at ?? NoonInNewYork);

    public static ComplianceGate Gate(DateTimeOffset? at = null) => ComplianceGate.CreateDefault(Clock(at));

    public static ChannelConsent Granted(string channel) => new()
    {
        Granted = true,
        Text = $"I agree to receive {channel} from the clinic about my quote request. Consent is not a condition of purchase.",
        TextVersion = "consent-2025-05",
        GrantedAt = new DateTimeOffset(2024, 11, 1, 9, 30, 0, TimeSpan.Zero),
    };

    public static ConsentSnapshot AllConsent() => new()
    {
        Email = Granted("emails"),
        Sms = Granted("text messages"),
        Phone = Granted("phone calls"),
    };

    public static LeadComplianceFacts Facts(string country = "US", string? postalCode = "10001", string? phone = Phone) => new()
    {
        Consent = AllConsent(),
        ConsentedEmail = Email,
        ConsentedPhone = phone,
        Country = country,
        PostalCode = postalCode,
        ClinicPostalAddress = "Example Spine Clinic, 100 Main Street, Springfield, IL 62701, USA",
        UnsubscribeUrl = "https://clinic.example/unsubscribe?t=abc",
        FullDisclaimerUrl = "https://clinic.example/evidence/spondylolysis",
    };

    public static OutreachDraft Draft(OutreachChannel channel, string? body = null, string? subject = "Your quote") => new()
    {
        LeadId = LeadId,
        Channel = channel,
        Condition = "spondylolysis",
        Language = "en",
        Subject = channel == OutreachChannel.Email ? subject : null,
        Body = body ?? HonestBody,
        Author = "coordinator:maria",
        Recipient = channel == OutreachChannel.Email ? Email : Phone,
    };

    public static IEnumerable<string> Rules(this ComplianceDecision decision) => decision.Violations.Select(v => v.Rule);
}
