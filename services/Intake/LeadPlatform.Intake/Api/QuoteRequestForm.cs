using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace LeadPlatform.Intake.Api;

/// <summary>
/// Binds a plain HTML form post (<c>application/x-www-form-urlencoded</c>) to the same contract as the JSON body: the
/// same names, flattened with dots (<c>consent.email.granted=true</c>, <c>source.formId</c>), lists as repeated fields
/// (<c>treatmentsTried</c>). Only these names are read; any other field is ignored, never bound.
/// </summary>
public static class QuoteRequestForm
{
    private static readonly string[] Truthy = ["true", "on", "1", "yes"];
    private static readonly string[] Falsy = ["false", "off", "0", "no", ""];

    public static (QuoteRequestBody Body, Dictionary<string, string[]> Errors) Bind(IReadOnlyDictionary<string, StringValues> form)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var reader = new Reader(form, errors);
        var body = new QuoteRequestBody
        {
            FirstName = reader.Text("firstName"),
            LastName = reader.Text("lastName"),
            Email = reader.Text("email"),
            Phone = reader.Text("phone"),
            DateOfBirth = reader.Parse("dateOfBirth", v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null, "Must be a date (yyyy-mm-dd)."),
            Age = reader.Int("age"),
            Country = reader.Text("country"),
            PostalCode = reader.Text("postalCode"),
            PreferredChannel = reader.Text("preferredChannel"),
            Language = reader.Text("language"),
            Condition = reader.Text("condition"),
            ConditionOther = reader.Text("conditionOther"),
            SymptomDurationMonths = reader.Int("symptomDurationMonths"),
            TreatmentsTried = form.TryGetValue("treatmentsTried", out var treatments) ? treatments.Select(t => t ?? string.Empty).ToList() : null,
            Message = reader.Text("message"),
            Consent = reader.Any("consent.")
                ? new ConsentBody { Email = reader.Consent("email"), Sms = reader.Consent("sms"), Phone = reader.Consent("phone"), HealthData = reader.Consent("healthData") }
                : null,
            Source = reader.Any("source.")
                ? new SourceBody
                {
                    FormId = reader.Text("source.formId"),
                    PageUrl = reader.Text("source.pageUrl"),
                    Referrer = reader.Text("source.referrer"),
                    UtmSource = reader.Text("source.utmSource"),
                    UtmMedium = reader.Text("source.utmMedium"),
                    UtmCampaign = reader.Text("source.utmCampaign"),
                    UtmTerm = reader.Text("source.utmTerm"),
                    UtmContent = reader.Text("source.utmContent"),
                }
                : null,
            Website = form.TryGetValue("website", out var website) ? website.ToString() : null,
            FormRenderedAt = reader.Parse("formRenderedAt", v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null, "Must be a time (ISO 8601)."),
        };
        return (body, errors);
    }

    private sealed class Reader(IReadOnlyDictionary<string, StringValues> form, Dictionary<string, string[]> errors)
    {
        public bool Any(string prefix) => form.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

        /// <summary>One value; an empty field counts as absent.</summary>
        public string? Text(string name)
        {
            if (!form.TryGetValue(name, out var values) || values.Count == 0) return null;
            if (values.Count > 1)
            {
                errors[name] = ["Must be given once."];
                return null;
            }
            return string.IsNullOrEmpty(values[0]) ? null : values[0];
        }

        public int? Int(string name) => Parse(name, v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : (int?)null, "Must be a whole number.");

        public T? Parse<T>(string name, Func<string, T?> parse, string message) where T : struct
        {
            var text = Text(name)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            var value = parse(text);
            if (value is null) errors[name] = [message];
            return value;
        }

        /// <summary>A checkbox: "true" or "on" when ticked; repeated (a hidden "false" beside the box) it is true if any value is.</summary>
        public bool? Bool(string name)
        {
            if (!form.TryGetValue(name, out var values) || values.Count == 0) return null;
            var granted = false;
            foreach (var value in values)
            {
                var v = value?.Trim().ToLowerInvariant() ?? string.Empty;
                if (Truthy.Contains(v)) granted = true;
                else if (!Falsy.Contains(v))
                {
                    errors[name] = ["Must be true or false."];
                    return null;
                }
            }
            return granted;
        }

        public ChannelConsentBody? Consent(string channel)
        {
            var prefix = $"consent.{channel}.";
            if (!Any(prefix)) return null;
            return new ChannelConsentBody { Granted = Bool(prefix + "granted"), Text = Text(prefix + "text"), TextVersion = Text(prefix + "textVersion") };
        }
    }
}
