using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// Washington, Nevada and Connecticut require a separate consent before a clinic collects consumer health data (issue 16,
/// "Consent evidence"): a request from a postal code there without it is refused with a field error and nothing is
/// stored; with it, the consent is recorded like the others (exact text, version, time; the source's client address,
/// user agent and page URL).
/// </summary>
public sealed class Asking_for_health_data_consent(SharedIntake intake) : IClassFixture<SharedIntake>
{
    private const string HealthText = "I consent to the clinic collecting and using the health information I give in this form.";
    private IntakeServer Server => intake.Server;

    [Theory]
    [InlineData("98101")]      // Seattle, WA
    [InlineData("99201-1234")] // Spokane, WA, ZIP+4
    [InlineData("89501")]      // Reno, NV
    [InlineData("06103")]      // Hartford, CT
    public async Task A_JSON_request_from_a_state_that_requires_it_without_it_is_refused_naming_the_field_and_nothing_is_stored(string zip)
    {
        var request = SampleQuoteRequest.Create();
        request["postalCode"] = zip;
        var before = await Server.CountAsync();

        using var response = await Server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("health data", (string)problem!["errors"]!["consent.healthData"]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, await Server.CountAsync());
    }

    [Fact]
    public async Task A_JSON_request_from_Washington_with_it_is_stored_with_the_consent_s_text_version_time_and_source()
    {
        var request = SampleQuoteRequest.Create();
        request["postalCode"] = "98101";
        request["consent"]!["healthData"] = new JsonObject { ["granted"] = true, ["text"] = HealthText, ["textVersion"] = "health-2026-12.en" };

        using var response = await Server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await Server.Store.GetAsync(await IntakeServer.QuoteRequestIdOf(response));
        var health = stored!.Submission.Consent.HealthData;
        Assert.NotNull(health);
        Assert.True(health.Granted);
        Assert.Equal(HealthText, health.Text);
        Assert.Equal("health-2026-12.en", health.TextVersion);
        Assert.Equal(stored.ReceivedAt, health.GrantedAt);
        Assert.Equal("https://clinic.example/spondylolysis", stored.Submission.Source.PageUrl);
        Assert.NotNull(stored.Submission.Source.ClientIp);
    }

    [Theory]
    [InlineData("US", "94110")] // California: no such law
    [InlineData("US", null)]    // no postal code: no state
    [InlineData("CA", "98101")] // a Canadian postal code that looks like a Washington ZIP is not one
    public async Task A_request_from_elsewhere_needs_no_health_data_consent(string country, string? postalCode)
    {
        var request = SampleQuoteRequest.Create(phone: null);
        request["country"] = country;
        request["postalCode"] = postalCode;

        using var response = await Server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_form_post_from_Nevada_without_it_gets_the_form_again_with_the_error_beside_the_box_and_nothing_is_stored()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create()).Where(f => f.Key != "postalCode").ToList();
        fields.Add(new("postalCode", "89501"));
        var before = await Server.CountAsync();

        using var response = await Server.PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var box = FormHtml.TagOf(page, "consentHealthData");
        Assert.Contains("aria-invalid=\"true\"", box, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"consentHealthData-error\"", box, StringComparison.Ordinal);
        Assert.Contains("tick this box so we may handle your health information", page, StringComparison.Ordinal);
        Assert.Contains("value=\"89501\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await Server.CountAsync());
    }
}
