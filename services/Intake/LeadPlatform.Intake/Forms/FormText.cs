using LeadPlatform.Compliance;

namespace LeadPlatform.Intake.Forms;

/// <summary>
/// Everything the patient reads on the form and its pages, in one language: labels, hints, plain-word errors and the
/// consent texts with their versions (each language's texts are versioned on their own; the version recorded is the
/// version of the text the person saw).
/// </summary>
internal sealed class FormText
{
    public required string Language { get; init; }
    public required string LanguageName { get; init; }
    public required string Title { get; init; }
    public required string Heading { get; init; }
    public required string Intro { get; init; }
    public required string RequiredNote { get; init; }
    public required string RequiredWord { get; init; }
    public required string OptionalWord { get; init; }
    public required string LanguageSwitch { get; init; }
    public required string AboutYou { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string HowToReach { get; init; }
    public required string HowToReachHint { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string PhoneHint { get; init; }
    public required string DateOfBirth { get; init; }
    public required string Country { get; init; }
    public required IReadOnlyList<(string Code, string Name)> Countries { get; init; }
    public required string PostalCode { get; init; }
    public required string PostalCodeHint { get; init; }
    public required string PreferredChannel { get; init; }
    public required string ChannelEmail { get; init; }
    public required string ChannelSms { get; init; }
    public required string ChannelPhone { get; init; }
    public required string YourCondition { get; init; }
    public required string Condition { get; init; }
    public required IReadOnlyList<(string Code, string Name)> Conditions { get; init; }
    public required string ConditionOther { get; init; }
    public required string ConditionOtherHint { get; init; }
    public required string SymptomMonths { get; init; }
    public required string Treatments { get; init; }
    public required IReadOnlyList<(string Code, string Name)> TreatmentNames { get; init; }
    public required string Message { get; init; }
    public required string Consent { get; init; }
    public required string ConsentHint { get; init; }
    public required string EmailConsentText { get; init; }
    public required string SmsConsentText { get; init; }
    public required string PhoneConsentText { get; init; }
    public required string ConsentTextVersion { get; init; }
    public required string HealthLegend { get; init; }
    public required string HealthExplanation { get; init; }
    public required string HealthConsentText { get; init; }
    public required string HealthConsentTextVersion { get; init; }
    public required string Privacy { get; init; }
    public required string Submit { get; init; }
    public required string ErrorTitle { get; init; }
    public required string ErrorSummary { get; init; }
    public required IReadOnlyDictionary<string, string> Errors { get; init; }
    public required string ThankYouTitle { get; init; }
    public required string ThankYouReceived { get; init; }
    /// <summary>"{0}" the channel phrase with a space before it (or nothing), "{1}" the first-contact promise.</summary>
    public required string ThankYouNext { get; init; }
    public required string ByEmail { get; init; }
    public required string BySms { get; init; }
    public required string ByPhone { get; init; }
    public required string ThankYouStop { get; init; }
    public required string DefaultPromise { get; init; }
    public required string FdaNote { get; init; }
    public required string PrivacyTitle { get; init; }
    public required IReadOnlyList<string> PrivacyParagraphs { get; init; }
    public required string BackToForm { get; init; }

    /// <summary>A channel as a choice reads ("Email", "Text message", "Phone call") in this language.</summary>
    public string Choice(OutreachChannel channel) => channel switch
    {
        OutreachChannel.Email => ChannelEmail,
        OutreachChannel.Sms => ChannelSms,
        OutreachChannel.Phone => ChannelPhone,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "No form text for this channel."),
    };

    /// <summary>How the person will be contacted ("by email", "by text message", "by phone") in this language.</summary>
    public string By(OutreachChannel channel) => channel switch
    {
        OutreachChannel.Email => ByEmail,
        OutreachChannel.Sms => BySms,
        OutreachChannel.Phone => ByPhone,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "No form text for this channel."),
    };
}
