using System.Diagnostics;
using System.Globalization;
using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Outreach;
using PhoneNumbers;

namespace LeadPlatform.FollowUp.Import;

/// <summary>
/// Checks one row as intake checks a form (the same conditions, channels and languages) and says what is wrong per
/// field in plain words. Consent is recorded for a channel only with its proof in the file: where it was given (source),
/// the exact text agreed to, and when. A row without that proof is imported without consent for the channel (the gate
/// then refuses texts and calls, saying why); a row with part of the proof is an error (fix the file).
/// </summary>
public static class ImportRowReader
{
    public static readonly IReadOnlyList<string> Conditions = ["spondylolysis", "spondylolisthesis", "degenerative_disc_disease", "other"];
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["unitedstates"] = "US", ["usa"] = "US", ["us"] = "US", ["unitedstatesofamerica"] = "US", ["estadosunidos"] = "US",
        ["canada"] = "CA", ["mexico"] = "MX", ["spain"] = "ES", ["espana"] = "ES", ["portugal"] = "PT", ["brazil"] = "BR", ["brasil"] = "BR",
        ["unitedkingdom"] = "GB", ["uk"] = "GB", ["greatbritain"] = "GB", ["australia"] = "AU",
    };

    private static readonly Dictionary<string, string> Languages = new(StringComparer.Ordinal)
    {
        ["en"] = "en", ["english"] = "en", ["ingles"] = "en", ["es"] = "es", ["spanish"] = "es", ["espanol"] = "es", ["castellano"] = "es",
        ["pt"] = "pt", ["portuguese"] = "pt", ["portugues"] = "pt", ["ptbr"] = "pt", ["ptpt"] = "pt", ["esmx"] = "es", ["enus"] = "en",
    };

    public static (ImportedLead? Lead, List<ImportFieldError> Errors, List<string> Warnings, List<string> ConsentProven) Read(
        IReadOnlyDictionary<string, string> cells, DateTimeOffset now)
    {
        var errors = new List<ImportFieldError>();
        var warnings = new List<string>();
        string? Cell(string field) => cells.TryGetValue(field, out var v) && v.Trim().Length > 0 ? v.Trim() : null;

        var first = Cell(ImportColumns.FirstName);
        var last = Cell(ImportColumns.LastName);
        if (first is null) errors.Add(new(ImportColumns.FirstName, "The first name is missing."));
        else if (first.Length > 100) errors.Add(new(ImportColumns.FirstName, "The first name is longer than 100 characters."));
        if (last is null) errors.Add(new(ImportColumns.LastName, "The last name is missing."));
        else if (last.Length > 100) errors.Add(new(ImportColumns.LastName, "The last name is longer than 100 characters."));

        string? country = null;
        if (Cell(ImportColumns.Country) is { } countryCell)
        {
            var key = ImportColumns.Key(countryCell);
            country = Countries.TryGetValue(key, out var known) ? known
                : key.Length == 2 && Phones.GetSupportedRegions().Contains(key.ToUpperInvariant()) ? key.ToUpperInvariant() : null;
            if (country is null) errors.Add(new(ImportColumns.Country, "The country is not one we know: use a two-letter code such as US, ES, PT or BR."));
        }
        else
        {
            errors.Add(new(ImportColumns.Country, "The country is missing: use a two-letter code such as US, ES, PT or BR."));
        }

        var email = Cell(ImportColumns.Email)?.ToLowerInvariant();
        if (email is not null && (email.Length > 254 || email.IndexOf('@', StringComparison.Ordinal) is var at && (at < 1 || email.IndexOf('.', at) < at + 2 || email.EndsWith('.') || email.Contains(' ', StringComparison.Ordinal))))
        {
            errors.Add(new(ImportColumns.Email, "The email is not an email address."));
            email = null;
        }
        string? phone = null;
        if (Cell(ImportColumns.Phone) is { } phoneCell)
        {
            try
            {
                var parsed = Phones.Parse(phoneCell, country ?? "US");
                if (Phones.IsValidNumber(parsed)) phone = Phones.Format(parsed, PhoneNumberFormat.E164);
            }
            catch (NumberParseException)
            {
                // Not a number: said below.
            }
            if (phone is null) errors.Add(new(ImportColumns.Phone, $"The phone number is not a valid number{(country is null ? string.Empty : $" in {country}")} (write it with its country code, e.g. +1 415 555 0134)."));
        }
        if (Cell(ImportColumns.Email) is null && Cell(ImportColumns.Phone) is null)
        {
            errors.Add(new(ImportColumns.Email, "An email address or a phone number is needed."));
        }

        DateOnly? born = null;
        if (Cell(ImportColumns.DateOfBirth) is { } dob)
        {
            if (DateOnly.TryParseExact(dob, ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d < DateOnly.FromDateTime(now.UtcDateTime) && d.Year > 1900) born = d;
            else errors.Add(new(ImportColumns.DateOfBirth, "The date of birth is not a past date written as YYYY-MM-DD."));
        }

        string? condition = null;
        var conditionOther = Cell(ImportColumns.ConditionOther);
        if (Cell(ImportColumns.Condition) is { } conditionCell)
        {
            var key = ImportColumns.Key(conditionCell);
            condition = Conditions.FirstOrDefault(c => ImportColumns.Key(c) == key) ?? (key is "ddd" or "degenerativedisc" ? "degenerative_disc_disease" : null);
            if (condition is null) errors.Add(new(ImportColumns.Condition, $"The condition is not one the form offers: {string.Join(", ", Conditions)}."));
            else if (condition == "other" && conditionOther is null) errors.Add(new(ImportColumns.ConditionOther, "The condition is \"other\": describe it in a condition description column."));
        }
        else
        {
            errors.Add(new(ImportColumns.Condition, $"The condition is missing: one of {string.Join(", ", Conditions)}."));
        }

        var language = "en";
        if (Cell(ImportColumns.Language) is { } languageCell)
        {
            if (Languages.TryGetValue(ImportColumns.Key(languageCell), out var l)) language = l;
            else errors.Add(new(ImportColumns.Language, "The language is not one we send in: en, es or pt (English, Spanish, Portuguese)."));
        }

        var consents = new Dictionary<string, ChannelConsent>();
        var proven = new List<string>();
        foreach (var channel in ImportColumns.ConsentChannels)
        {
            var source = Cell(ImportColumns.Consent(channel, "source"));
            var text = Cell(ImportColumns.Consent(channel, "text"));
            var date = Cell(ImportColumns.Consent(channel, "date"));
            var policy = ChannelPolicy.TryParse(channel, out var known) ? known : throw new UnreachableException($"'{channel}' is not a channel.");
            var what = policy.Message;
            if (source is null && text is null && date is null)
            {
                consents[channel] = new ChannelConsent { Granted = false };
                warnings.Add($"No proof of {what} consent in the file: no {policy.Messages} until the person gives it.");
                continue;
            }
            var missing = new List<string>();
            if (source is null) missing.Add("source");
            if (text is null) missing.Add("text");
            DateTimeOffset? grantedAt = null;
            if (date is null) missing.Add("date");
            else if (DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) grantedAt = parsed;
            if (missing.Count > 0)
            {
                errors.Add(new(ImportColumns.Consent(channel, missing[0]), $"The {what} consent needs its source, text and date: the {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} missing."));
                continue;
            }
            if (grantedAt is null)
            {
                errors.Add(new(ImportColumns.Consent(channel, "date"), $"The {what} consent date is not a date (write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)."));
                continue;
            }
            if (grantedAt > now)
            {
                errors.Add(new(ImportColumns.Consent(channel, "date"), $"The {what} consent date is in the future."));
                continue;
            }
            consents[channel] = new ChannelConsent
            {
                Granted = true, Text = text, GrantedAt = grantedAt,
                // The text's version names where the consent was given, as the file says (the evidence carries it).
                TextVersion = "import: " + (source!.Length > 80 ? source[..80] : source),
            };
            proven.Add(channel);
        }

        var preferred = Cell(ImportColumns.PreferredChannel)?.ToLowerInvariant() switch
        {
            null => email is not null ? ChannelNames.Email : ChannelNames.Phone,
            "e-mail" => ChannelNames.Email,
            "text" or "texts" => ChannelNames.Sms,
            "call" or "calls" => ChannelNames.Phone,
            var name => ChannelPolicy.TryParse(name, out var named) ? named.Name : null,
        };
        if (preferred is null) errors.Add(new(ImportColumns.PreferredChannel, $"The preferred channel is not one of {ChannelPolicy.AllowedNamesOr}."));
        if (Cell(ImportColumns.State) is not null && Cell(ImportColumns.PostalCode) is null)
        {
            warnings.Add("The state is not kept on its own: add the postal code so that calling hours follow the person's time zone.");
        }

        if (errors.Count > 0) return (null, errors, warnings, proven);
        var person = new PersonDetails
        {
            FirstName = first!, LastName = last!, Email = email, Phone = phone, DateOfBirth = born, Country = country!,
            PostalCode = Cell(ImportColumns.PostalCode)?.ToUpperInvariant(), PreferredChannel = preferred!, Language = language,
        };
        var inquiry = new InquiryDetails { Condition = condition!, ConditionOther = condition == "other" ? conditionOther : null, Message = Cell(ImportColumns.Message) };
        var consent = new ConsentSnapshot { Email = consents["email"], Sms = consents["sms"], Phone = consents["phone"] };
        return (new ImportedLead(person, inquiry, consent, Cell(ImportColumns.Source)), errors, warnings, proven);
    }
}
