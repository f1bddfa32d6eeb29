using System.Net;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>A site without JavaScript: application/x-www-form-urlencoded, the JSON names flattened with dots.</summary>
public sealed class Posting_a_plain_HTML_form(SharedIntake intake) : IClassFixture<SharedIntake>
{
    private IntakeServer Server => intake.Server;

    [Fact]
    public async Task Stores_the_request_and_redirects_303_to_the_sites_thank_you_page()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create());
        fields.Add(new("treatmentsTried", "bracing"));
        fields.Add(new("unknownField", "ignored"));
        fields.Add(new("siteId", "other"));

        using var response = await Server.PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{IntakeServer.TestThanks}?quoteRequestId=", location, StringComparison.Ordinal);
        var stored = await Server.Store.GetAsync(Guid.Parse(location.Split('=')[1]));
        Assert.NotNull(stored);
        Assert.Equal("test", stored.SiteId);
        Assert.Equal(["rest", "physical_therapy", "bracing"], stored.Submission.Inquiry.TreatmentsTried);
        Assert.True(stored.Submission.Consent.Email.Granted);
        Assert.Equal("I agree to be contacted by email about my inquiry.", stored.Submission.Consent.Email.Text);
        Assert.True(stored.Submission.Consent.Phone.Granted);
        Assert.False(stored.Submission.Consent.Sms.Granted);
        Assert.Equal("free-quote", stored.Submission.Source.FormId);
        Assert.Equal("cpc", stored.Submission.Source.UtmMedium);
        Assert.Single(stored.Outbox);
    }

    [Fact]
    public async Task Takes_a_ticked_checkbox_beside_its_hidden_false_as_consent_given()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create(phone: null))
            .Where(f => f.Key != "consent.email.granted").ToList();
        fields.Add(new("consent.email.granted", "false"));
        fields.Add(new("consent.email.granted", "on"));

        using var response = await Server.PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var stored = await Server.Store.GetAsync(Guid.Parse(response.Headers.Location!.ToString().Split('=')[1]));
        Assert.True(stored!.Submission.Consent.Email.Granted);
    }

    [Fact]
    public async Task Answers_an_invalid_post_with_a_400_page_that_names_the_fields_and_stores_nothing()
    {
        var before = await Server.CountAsync();
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create())
            .Where(f => !f.Key.StartsWith("consent.", StringComparison.Ordinal) && f.Key != "lastName").ToList();
        fields.Add(new("age", "forty"));

        using var response = await Server.PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"consent\"", page, StringComparison.Ordinal);
        Assert.Contains("data-field=\"lastName\"", page, StringComparison.Ordinal);
        Assert.Contains("data-field=\"age\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await Server.CountAsync());
    }

    [Fact]
    public async Task Redirects_an_invalid_post_303_to_the_sites_error_page_with_the_field_names_only()
    {
        var before = await Server.CountAsync();
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create())
            .Where(f => !f.Key.StartsWith("consent.", StringComparison.Ordinal)).ToList();
        fields.RemoveAll(f => f.Key == "email");
        fields.Add(new("email", "maria@"));

        using var response = await Server.PostFormAsync(fields, IntakeServer.OtherOrigin);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{IntakeServer.OtherErrorPage}?error=email&error=consent", response.Headers.Location!.ToString());
        Assert.Equal(before, await Server.CountAsync());
    }

    [Fact]
    public async Task Refuses_a_form_larger_than_32_KB_with_413()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create());
        fields.Add(new("message", new string('m', 40 * 1024)));

        using var response = await Server.PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
