using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests.SamePerson;

/// <summary>The people of these tests, as the clinic's form posts them.</summary>
public static class People
{
    public static string Phone(int n) => $"+1 415 555 01{n:00}";

    public static JsonObject Request(string first, string last, string email, string? phone, string dateOfBirth, string message, bool sms = false)
    {
        var request = SampleQuoteRequest.Create(email, phone);
        request["firstName"] = first;
        request["lastName"] = last;
        request["dateOfBirth"] = dateOfBirth;
        request["message"] = message;
        if (sms && phone is not null)
        {
            request["consent"]!["sms"] = new JsonObject
            {
                ["granted"] = true,
                ["text"] = "I agree to receive text messages about my inquiry. Consent is not a condition of purchase. Reply STOP to stop.",
                ["textVersion"] = "2026-11",
            };
        }
        return request;
    }

    public static string Adult => "1980-02-03";
    public static string Minor => DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
