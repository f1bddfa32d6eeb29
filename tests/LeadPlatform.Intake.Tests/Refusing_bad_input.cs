using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>Every bad input gets its status code and names its field, and nothing is stored for it.</summary>
public sealed class Refusing_bad_input(SharedIntake intake) : IClassFixture<SharedIntake>
{
    private IntakeServer Server => intake.Server;

    public static TheoryData<string, int, string> Cases => new()
    {
        { "no consent", 400, "consent" },
        { "no channel consented to", 400, "consent" },
        { "sms consent without 'not a condition of purchase'", 400, "consent.sms.text" },
        { "granted consent without its text", 400, "consent.email.text" },
        { "granted consent without its text version", 400, "consent.email.textVersion" },
        { "no first name", 400, "firstName" },
        { "a 101-character last name", 400, "lastName" },
        { "an invalid email", 400, "email" },
        { "neither email nor phone", 400, "email" },
        { "an invalid phone number", 400, "phone" },
        { "an unknown country", 400, "country" },
        { "an unknown condition", 400, "condition" },
        { "an unknown treatment", 400, "treatmentsTried" },
        { "six treatments", 400, "treatmentsTried" },
        { "a 2,001-character message", 400, "message" },
        { "a control character in a name", 400, "firstName" },
        { "a relative page URL", 400, "source.pageUrl" },
        { "no form id", 400, "source.formId" },
        { "a date of birth in the future", 400, "dateOfBirth" },
        { "text where a number belongs", 400, "symptomDurationMonths" },
        { "a number where text belongs", 400, "firstName" },
        { "malformed JSON", 400, "body" },
        { "a JSON array", 400, "body" },
        { "JSON null", 400, "body" },
        { "an empty body", 400, "body" },
        { "an invalid Idempotency-Key", 400, "Idempotency-Key" },
        { "a 5 MB name", 413, "" },
        { "a 33 KB body without a length", 413, "" },
        { "text/plain", 415, "" },
        { "multipart/form-data", 415, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_with_its_status_and_the_field_and_stores_nothing(string input, int status, string field)
    {
        var before = await Server.CountAsync();

        using var response = await Server.Http.SendAsync(RequestWith(input));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(status, problem!["status"]!.GetValue<int>());
        if (field.Length > 0)
        {
            var errors = problem["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"expected an error for {field}; got {errors.ToJsonString()}");
        }
        Assert.Equal(before, await Server.CountAsync());
    }

    private static HttpRequestMessage RequestWith(string input)
    {
        var body = SampleQuoteRequest.Create();
        HttpContent? content = null;
        string? idempotencyKey = null;
        switch (input)
        {
            case "no consent": body.Remove("consent"); break;
            case "no channel consented to":
                body["consent"] = new JsonObject { ["email"] = new JsonObject { ["granted"] = false }, ["phone"] = new JsonObject { ["granted"] = false } };
                break;
            case "sms consent without 'not a condition of purchase'":
                body["consent"]!["sms"] = new JsonObject { ["granted"] = true, ["text"] = "You may text me.", ["textVersion"] = "1" };
                break;
            case "granted consent without its text": body["consent"]!["email"]!.AsObject().Remove("text"); break;
            case "granted consent without its text version": body["consent"]!["email"]!.AsObject().Remove("textVersion"); break;
            case "no first name": body["firstName"] = "  "; break;
            case "a 101-character last name": body["lastName"] = new string('a', 101); break;
            case "an invalid email": body["email"] = "maria@"; break;
            case "neither email nor phone":
                body.Remove("email");
                body.Remove("phone");
                break;
            case "an invalid phone number": body["phone"] = "12"; break;
            case "an unknown country": body["country"] = "XX"; break;
            case "an unknown condition": body["condition"] = "back pain"; break;
            case "an unknown treatment": body["treatmentsTried"] = new JsonArray("rest", "prayer"); break;
            case "six treatments": body["treatmentsTried"] = new JsonArray("rest", "rest", "rest", "rest", "rest", "rest"); break;
            case "a 2,001-character message": body["message"] = new string('m', 2001); break;
            case "a control character in a name": body["firstName"] = "Ma\u0000ria"; break;
            case "a relative page URL": body["source"]!["pageUrl"] = "/spondylolysis"; break;
            case "no form id": body["source"]!.AsObject().Remove("formId"); break;
            case "a date of birth in the future": body["dateOfBirth"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"); break;
            case "text where a number belongs": body["symptomDurationMonths"] = "eight"; break;
            case "a number where text belongs": body["firstName"] = 42; break;
            case "malformed JSON": content = Json("{\"firstName\": \"Maria\","); break;
            case "a JSON array": content = Json("[]"); break;
            case "JSON null": content = Json("null"); break;
            case "an empty body": content = Json(""); break;
            case "an invalid Idempotency-Key": idempotencyKey = new string('k', 201); break;
            case "a 5 MB name":
                body["firstName"] = new string('a', 5 * 1024 * 1024);
                content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"); // with its Content-Length
                break;
            case "a 33 KB body without a length":
                body["message"] = new string('m', 33 * 1024);
                content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body.ToJsonString())));
                content.Headers.ContentType = new("application/json");
                break;
            case "text/plain": content = new StringContent(body.ToJsonString(), Encoding.UTF8, "text/plain"); break;
            case "multipart/form-data": content = new MultipartFormDataContent { { new StringContent("Maria"), "firstName" } }; break;
            default: throw new ArgumentOutOfRangeException(nameof(input), input, "no such case");
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = content ?? JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", IntakeServer.TestKey);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>A body sent chunked: the server cannot refuse it by its Content-Length and must count what it reads.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
