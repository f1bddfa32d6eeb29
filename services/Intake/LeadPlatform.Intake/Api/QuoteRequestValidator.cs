using System.Net.Mail;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using PhoneNumbers;

namespace LeadPlatform.Intake.Api;

/// <summary>
/// Checks a quote request field by field and normalises it. Every error names its field with the same dotted
/// camelCase path a web form posts (for example <c>consent.sms.text</c>).
/// </summary>
public static class QuoteRequestValidator
{
    public static readonly IReadOnlyList<string> Conditions = ["spondylolysis", "spondylolisthesis", "degenerative_disc_disease", "other"];
    public static readonly IReadOnlyList<string> Treatments = ["rest", "physical_therapy", "bracing", "injections", "surgery"];
    /// <summary>The channels a person may prefer: every channel's <see cref="ChannelPolicy.Name"/>.</summary>
    public static readonly IReadOnlyList<string> Channels = [.. ChannelPolicy.All.Select(p => p.Name)];

    public const int NameMax = 100;
    public const int EmailMax = 254;
    public const int PhoneMax = 32;
    public const int MessageMax = 2000;
    public const int ConsentTextMax = 2000;
    public const int ShortMax = 100;
    public const int UrlMax = 2048;
    public const string NotAConditionOfPurchase = "not a condition of purchase";

    /// <summary>The purchase clause in the form's languages: English, Spanish, Portuguese.</summary>
    public static readonly IReadOnlyList<string> PurchaseClauses = [NotAConditionOfPurchase, "no es una condición de compra", "não é uma condição de compra"];

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly HashSet<string> Regions = new(Phones.GetSupportedRegions(), StringComparer.Ordinal);

    public static (NormalizedQuoteRequest? Request, Dictionary<string, string[]> Errors) Validate(
        QuoteRequestBody body, DateTimeOffset receivedAt, string? clientIp, string? userAgent)
    {
        var errors = new Errors();

        var firstName = errors.Name("firstName", body.FirstName);
        var lastName = errors.Name("lastName", body.LastName);

        var country = errors.Text("country", body.Country, 2, required: true)?.ToUpperInvariant();
        if (country is not null && !Regions.Contains(country)) errors.Add("country", "Must be an ISO 3166-1 alpha-2 country code, for example US.");

        var email = errors.Text("email", body.Email, EmailMax)?.ToLowerInvariant();
        if (email is not null && !IsEmail(email)) errors.Add("email", "Must be a valid email address.");

        var phone = NormalisePhone(errors, errors.Text("phone", body.Phone, PhoneMax), country);
        if (body.Email is null && body.Phone is null) errors.Add("email", "An email address or a phone number is required.");

        var today = DateOnly.FromDateTime(receivedAt.UtcDateTime);
        if (body.DateOfBirth is null && body.Age is null) errors.Add("dateOfBirth", "A date of birth or an age is required.");
        if (body.DateOfBirth is { } dob && (dob > today || dob.Year < 1900)) errors.Add("dateOfBirth", "Must be a real date of birth (yyyy-mm-dd).");
        if (body.Age is < 0 or > 130) errors.Add("age", "Must be between 0 and 130.");

        var postalCode = errors.Text("postalCode", body.PostalCode, 16);
        var preferred = errors.Text("preferredChannel", body.PreferredChannel, 10)?.ToLowerInvariant() ?? "email";
        if (!Channels.Contains(preferred)) errors.Add("preferredChannel", $"Must be one of: {ChannelPolicy.AllowedNames}.");
        var language = errors.Text("language", body.Language, 10) ?? "en";
        if (!language.All(c => char.IsAsciiLetter(c) || c == '-')) errors.Add("language", "Must be a language tag such as en or es-MX.");

        var condition = errors.Text("condition", body.Condition, ShortMax, required: true)?.ToLowerInvariant();
        if (condition is not null && !Conditions.Contains(condition)) errors.Add("condition", $"Must be one of: {string.Join(", ", Conditions)}.");
        var conditionOther = errors.Text("conditionOther", body.ConditionOther, 200);
        if (condition == "other" && conditionOther is null) errors.Add("conditionOther", "Describe the condition when it is 'other'.");
        if (body.SymptomDurationMonths is < 0 or > 1200) errors.Add("symptomDurationMonths", "Must be between 0 and 1200.");

        var treatments = (body.TreatmentsTried ?? []).Select(t => t?.Trim().ToLowerInvariant() ?? string.Empty).Distinct().ToList();
        if (body.TreatmentsTried?.Count > Treatments.Count) errors.Add("treatmentsTried", $"At most {Treatments.Count} entries.");
        else if (treatments.Any(t => !Treatments.Contains(t))) errors.Add("treatmentsTried", $"Each entry must be one of: {string.Join(", ", Treatments)}.");

        var message = errors.Text("message", body.Message, MessageMax, multiline: true);

        var consent = ValidateConsent(errors, body.Consent, email, phone, receivedAt);
        if (HealthDataStates.RequiringConsent(country, postalCode) is { } state && consent is not null && consent.HealthData?.Granted != true)
            errors.Add("consent.healthData", $"A separate consent to collect health data is required for a postal code in {state} (consumer health data law): send consent.healthData with granted, text and textVersion.");

        var formId = errors.Text("source.formId", body.Source?.FormId, ShortMax, required: true);
        var pageUrl = errors.Url("source.pageUrl", body.Source?.PageUrl);
        var referrer = errors.Url("source.referrer", body.Source?.Referrer);
        var source = new SubmissionSource
        {
            FormId = formId ?? string.Empty,
            PageUrl = pageUrl,
            Referrer = referrer,
            UtmSource = errors.Text("source.utmSource", body.Source?.UtmSource, ShortMax),
            UtmMedium = errors.Text("source.utmMedium", body.Source?.UtmMedium, ShortMax),
            UtmCampaign = errors.Text("source.utmCampaign", body.Source?.UtmCampaign, ShortMax),
            UtmTerm = errors.Text("source.utmTerm", body.Source?.UtmTerm, ShortMax),
            UtmContent = errors.Text("source.utmContent", body.Source?.UtmContent, ShortMax),
            ClientIp = clientIp,
            UserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent,
        };
        // The honeypot is never an error (a bot must not learn which field betrays it): filled means spam.
        var honeypotFilled = !string.IsNullOrWhiteSpace(body.Website);

        if (errors.Any) return (null, errors.ToDictionary());

        var person = new PersonDetails
        {
            FirstName = firstName!,
            LastName = lastName!,
            Email = email,
            Phone = phone,
            DateOfBirth = body.DateOfBirth,
            Age = body.Age,
            Country = country!,
            PostalCode = postalCode,
            PreferredChannel = preferred,
            Language = language,
        };
        var inquiry = new InquiryDetails
        {
            Condition = condition!,
            ConditionOther = conditionOther,
            SymptomDurationMonths = body.SymptomDurationMonths,
            TreatmentsTried = treatments,
            Message = message,
        };
        return (new NormalizedQuoteRequest(person, inquiry, consent!, source, honeypotFilled, body.FormRenderedAt), errors.ToDictionary());
    }

    private static ConsentSnapshot? ValidateConsent(Errors errors, ConsentBody? body, string? email, string? phone, DateTimeOffset at)
    {
        if (body is null)
        {
            errors.Add("consent", "Consent is required: say, per channel (email, sms, phone), whether it was granted and the text shown.");
            return null;
        }
        var emailConsent = Channel(errors, "email", body.Email, requiresPurchaseClause: false, at);
        var smsConsent = Channel(errors, "sms", body.Sms, requiresPurchaseClause: true, at);
        var phoneConsent = Channel(errors, "phone", body.Phone, requiresPurchaseClause: true, at);
        if (!emailConsent.Granted && !smsConsent.Granted && !phoneConsent.Granted)
            errors.Add("consent", "At least one channel must be consented to, or nobody may contact the person.");
        if (emailConsent.Granted && email is null) errors.Add("consent.email", "Email consent needs an email address.");
        if ((smsConsent.Granted || phoneConsent.Granted) && phone is null)
            errors.Add(smsConsent.Granted ? "consent.sms" : "consent.phone", "SMS and call consent need a phone number.");
        var healthData = body.HealthData?.Granted == true ? Channel(errors, "healthData", body.HealthData, requiresPurchaseClause: false, at) : null;
        return new ConsentSnapshot { Email = emailConsent, Sms = smsConsent, Phone = phoneConsent, HealthData = healthData };
    }

    private static ChannelConsent Channel(Errors errors, string channel, ChannelConsentBody? body, bool requiresPurchaseClause, DateTimeOffset at)
    {
        if (body?.Granted != true) return new ChannelConsent { Granted = false };
        var text = errors.Text($"consent.{channel}.text", body.Text, ConsentTextMax, required: true, multiline: true);
        var version = errors.Text($"consent.{channel}.textVersion", body.TextVersion, ShortMax, required: true);
        if (requiresPurchaseClause && text is not null && !PurchaseClauses.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)))
            errors.Add($"consent.{channel}.text", $"Prior express written consent must say that consent is {NotAConditionOfPurchase}.");
        return new ChannelConsent { Granted = true, Text = text, TextVersion = version, GrantedAt = at };
    }

    private static string? NormalisePhone(Errors errors, string? phone, string? country)
    {
        if (phone is null) return null;
        try
        {
            var parsed = Phones.Parse(phone, country ?? "ZZ");
            if (Phones.IsValidNumber(parsed)) return Phones.Format(parsed, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            // Reported below, like any other invalid number.
        }
        errors.Add("phone", "Must be a valid phone number for the country, or in international format (+1 415 555 0134).");
        return null;
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal) && !address.Host.EndsWith('.');

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public bool Any => _errors.Count > 0;

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
            list.Add(message);
        }

        public string? Text(string field, string? value, int max, bool required = false, bool multiline = false)
        {
            var trimmed = value?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                if (required) Add(field, "Is required.");
                return null;
            }
            if (trimmed.Length > max)
            {
                Add(field, $"At most {max} characters.");
                return null;
            }
            if (trimmed.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
            {
                Add(field, "Must not contain control characters.");
                return null;
            }
            return trimmed;
        }

        /// <summary>A person's name: required, and without hidden characters (NameCharacters: bidi overrides, zero-width spaces).</summary>
        public string? Name(string field, string? value)
        {
            var text = Text(field, value, NameMax, required: true);
            if (text is null || !ServiceDefaults.Security.NameCharacters.HasHidden(text)) return text;
            Add(field, ServiceDefaults.Security.NameCharacters.Refusal);
            return null;
        }

        public string? Url(string field, string? value)
        {
            var text = Text(field, value, UrlMax);
            if (text is null) return null;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return text;
            Add(field, "Must be an absolute http(s) URL.");
            return null;
        }

        public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
