using System.Text.Json.Nodes;

namespace LeadPlatform.TestSupport;

/// <summary>The quote request of the public contract's example, as JSON a test can change before posting.</summary>
public static class SampleQuoteRequest
{
    /// <summary>
    /// The example request with a unique email. The phone is shared by default (so requests are linked to one lead by
    /// it); pass <c>phone: null</c> for a request of a distinct person, without phone consent.
    /// </summary>
    public static JsonObject Create(string? email = null, string? phone = "+1 415 555 0134") => new()
    {
        ["firstName"] = "Maria",
        ["lastName"] = "Lopez",
        ["email"] = email ?? $"maria.lopez+{Guid.NewGuid():N}@fastmail.com",
        ["phone"] = phone,
        ["dateOfBirth"] = "1990-04-12",
        ["country"] = "US",
        ["postalCode"] = "94110",
        ["preferredChannel"] = "email",
        ["language"] = "en",
        ["condition"] = "spondylolysis",
        ["conditionOther"] = null,
        ["symptomDurationMonths"] = 8,
        ["treatmentsTried"] = new JsonArray("rest", "physical_therapy"),
        ["message"] = "Pain for 8 months, PT helped a little.",
        ["consent"] = new JsonObject
        {
            ["email"] = new JsonObject { ["granted"] = true, ["text"] = "I agree to be contacted by email about my inquiry.", ["textVersion"] = "2026-11" },
            ["sms"] = new JsonObject { ["granted"] = false },
            ["phone"] = phone is null ? new JsonObject { ["granted"] = false } : new JsonObject
            {
                ["granted"] = true,
                ["text"] = "I agree to receive calls about my inquiry. Consent is not a condition of purchase.",
                ["textVersion"] = "2026-11",
            },
        },
        ["source"] = new JsonObject
        {
            ["formId"] = "free-quote",
            ["pageUrl"] = "https://clinic.example/spondylolysis",
            ["referrer"] = null,
            ["utmSource"] = "google",
            ["utmMedium"] = "cpc",
            ["utmCampaign"] = "spine",
        },
        ["website"] = "",
        ["formRenderedAt"] = "2026-11-24T10:00:00Z",
    };

    /// <summary>A person whose age makes the request not eligible.</summary>
    public static JsonObject Minor()
    {
        var request = Create();
        request["dateOfBirth"] = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return request;
    }
}
