using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LeadPlatform.Intake.Tests;

public sealed class Describing_the_API(SharedIntake intake) : IClassFixture<SharedIntake>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_post_with_its_body_key_and_error_responses()
    {
        var document = await intake.Server.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var scheme = document!["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
        var post = document["paths"]!["/api/v1/quote-requests"]!["post"]!;
        var content = post["requestBody"]!["content"]!.AsObject();
        Assert.Contains("application/json", content.Select(c => c.Key));
        Assert.Contains("application/x-www-form-urlencoded", content.Select(c => c.Key));
        Assert.Equal("#/components/schemas/QuoteRequestBody", content["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var body = document["components"]!["schemas"]!["QuoteRequestBody"]!["properties"]!.AsObject();
        foreach (var property in new[] { "firstName", "email", "phone", "consent", "source", "treatmentsTried", "website", "formRenderedAt" })
            Assert.True(body.ContainsKey(property), $"the body schema lacks {property}");
        Assert.Equal(
            ["202", "303", "400", "401", "403", "413", "415", "422", "429", "503"],
            post["responses"]!.AsObject().Select(r => r.Key).Order().ToArray());
        Assert.Contains(post["security"]!.AsArray(), requirement => requirement!.AsObject().ContainsKey("ApiKey"));
        Assert.Contains(post["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key");
        var get = document["paths"]!["/api/v1/quote-requests/{id}"]!["get"]!;
        Assert.Contains("404", get["responses"]!.AsObject().Select(r => r.Key));
        Assert.Contains(get["security"]!.AsArray(), requirement => requirement!.AsObject().ContainsKey("ApiKey"));
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        using var response = await intake.Server.Browser.GetAsync("/api-reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
