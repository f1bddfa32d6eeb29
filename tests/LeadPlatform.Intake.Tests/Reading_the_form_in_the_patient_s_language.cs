using System.Net;
using LeadPlatform.Intake.Forms;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// The patient's form without JavaScript (issue 18): in English, Spanish or Portuguese with each language's own consent
/// texts and versions; a refused post comes back as the same form, status 400, with what was typed kept and a plain
/// sentence beside each field (aria-invalid, aria-describedby, a summary at the top linking to the fields), never a
/// developer's field name; the hosted form of each site, framed only by that site's origins; a thank-you page in the
/// lead's language that says how and roughly when they will be contacted.
/// </summary>
public sealed class Reading_the_form_in_the_patient_s_language : IAsyncLifetime
{
    private IntakeServer? _server;
    private IntakeServer Server => _server!;
    private string SelfOrigin => Server.Address.GetLeftPart(UriPartial.Authority);

    public async ValueTask InitializeAsync() => _server = await IntakeServer.StartAsync(
        "--Intake:Sites:hosted:ApiKey=hosted-site-key-0123456789",
        "--Intake:Sites:hosted:AllowedOrigins:0=https://hosted.example",
        "--Intake:Sites:hosted:AllowedOrigins:1=self",
        "--Intake:Sites:hosted:PrivacyNoticeUrl=https://hosted.example/privacy",
        "--Intake:FirstContactPromise:es=en menos de dos horas hábiles",
        "--Intake:MinFillTime=00:00:00");

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task<string> GetAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        using var response = await Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/forms/example", "es-MX,es;q=0.9,en;q=0.5", "es", "El consentimiento no es una condición de compra", "2026-12.es")]
    [InlineData("/forms/example?lang=pt", "en-US", "pt", "O consentimento não é uma condição de compra", "2026-12.pt")]
    [InlineData("/forms/example", "de-DE", "en", "Consent is not a condition of purchase", "2026-11")]
    public async Task The_form_speaks_the_language_asked_for_with_its_own_consent_texts_and_version(string path, string acceptLanguage, string lang, string clause, string version)
    {
        var page = await GetAsync(path, acceptLanguage);

        Assert.Contains($"<html lang=\"{lang}\">", page, StringComparison.Ordinal);
        Assert.Contains(clause, page, StringComparison.Ordinal);
        Assert.Contains($"name=\"consent.sms.textVersion\" value=\"{version}\"", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"language\" value=\"{lang}\"", page, StringComparison.Ordinal);
        // A visible switch to the other languages, and no script from anywhere but intake.
        Assert.Contains("hreflang=\"es\"", page, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"pt\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=\"http", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_marks_its_required_fields_and_says_what_is_needed_and_has_a_field_for_Other_and_the_health_data_consent()
    {
        var page = await GetAsync("/forms/test?lang=en");

        foreach (var id in new[] { "firstName", "lastName", "dateOfBirth", "country", "condition" })
        {
            Assert.Contains(" required", FormHtml.TagOf(page, id), StringComparison.Ordinal);
        }
        Assert.Contains("We need an email address or a phone number, and at least one way you agree to be contacted.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"conditionOther\"", FormHtml.TagOf(page, "conditionOther"), StringComparison.Ordinal);
        // Without JavaScript the health-data consent is always there, with its explanation.
        Assert.Contains("name=\"consent.healthData.granted\"", FormHtml.TagOf(page, "consentHealthData"), StringComparison.Ordinal);
        Assert.Contains("Washington, Nevada or Connecticut", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/forms/privacy?lang=en&amp;site=test\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_Spanish_post_comes_back_as_the_form_with_the_errors_beside_their_fields_in_Spanish_and_what_was_typed()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create(email: "maria.jose@fastmail.com"))
            .Where(f => f.Key is not ("firstName" or "language" or "condition") && !f.Key.StartsWith("consent.", StringComparison.Ordinal)).ToList();
        fields.Add(new("language", "es"));
        fields.Add(new("condition", "other"));
        fields.Add(new("message", "Me duele la espalda <desde> hace meses & más."));
        var before = await Server.CountAsync();

        using var response = await Server.PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\">", page, StringComparison.Ordinal);
        Assert.Equal("Escriba su nombre.", FormHtml.TextOf(page, "firstName-error"));
        Assert.Equal("Describa su afección, ya que eligió Otra.", FormHtml.TextOf(page, "conditionOther-error"));
        Assert.Equal("Marque al menos una forma en que podamos contactarle.", FormHtml.TextOf(page, "consentEmail-error"));
        var firstName = FormHtml.TagOf(page, "firstName");
        Assert.Contains("aria-invalid=\"true\"", firstName, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"firstName-error\"", firstName, StringComparison.Ordinal);
        // The summary at the top links to each field.
        Assert.Contains("<a href=\"#firstName\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#conditionOther\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#consentEmail\"", page, StringComparison.Ordinal);
        // What was typed is kept (and escaped); the other fields are not in error.
        Assert.Contains("value=\"maria.jose@fastmail.com\"", FormHtml.TagOf(page, "email"), StringComparison.Ordinal);
        Assert.Contains("Me duele la espalda &lt;desde&gt; hace meses &amp; más.</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"other\" selected>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", FormHtml.TagOf(page, "email"), StringComparison.Ordinal);
        // No developer names in what a person reads.
        var visible = FormHtml.Visible(page);
        foreach (var name in new[] { "conditionOther", "consent.", "firstName", "Is required" })
        {
            Assert.DoesNotContain(name, visible, StringComparison.Ordinal);
        }
        Assert.Equal(before, await Server.CountAsync());
    }

    [Fact]
    public async Task Each_site_has_a_hosted_form_framed_only_by_its_own_origins_and_an_unknown_site_has_none()
    {
        using var hosted = await Server.Http.GetAsync("/forms/hosted?lang=es");
        using var unknown = await Server.Http.GetAsync("/forms/no-such-site");

        Assert.Equal(HttpStatusCode.OK, hosted.StatusCode);
        var csp = string.Join(";", hosted.Headers.GetValues("Content-Security-Policy"));
        var frameAncestors = csp.Split("frame-ancestors ")[1].Split(';')[0];
        Assert.Equal("'self' https://hosted.example", frameAncestors);
        var page = await hosted.Content.ReadAsStringAsync();
        Assert.Contains("name=\"siteId\" value=\"hosted\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://hosted.example/privacy\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_hosted_form_posts_from_intake_s_origin_for_its_site_and_thanks_in_the_lead_s_language_with_the_promise()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create()).Where(f => f.Key is not ("language" or "preferredChannel")).ToList();
        fields.Add(new("language", "es"));
        fields.Add(new("preferredChannel", "sms"));
        fields.Add(new("siteId", "hosted"));

        using var response = await Server.PostFormAsync(fields, origin: SelfOrigin);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/forms/thank-you?quoteRequestId=", location, StringComparison.Ordinal);
        var id = Guid.Parse(location.Split("quoteRequestId=")[1].Split('&')[0]);
        var stored = await Server.Store.GetAsync(id);
        Assert.Equal("hosted", stored!.SiteId);
        Assert.Equal("es", stored.Submission.Person.Language);

        var thanks = await GetAsync(location);
        Assert.Contains("<html lang=\"es\">", thanks, StringComparison.Ordinal);
        Assert.Equal("Un coordinador de pacientes se pondrá en contacto con usted por mensaje de texto, en menos de dos horas hábiles.", FormHtml.TextOf(thanks, "next"));
    }

    [Fact]
    public async Task A_page_at_another_origin_cannot_borrow_a_site_by_naming_it()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create());
        fields.Add(new("siteId", "hosted"));

        using var response = await Server.PostFormAsync(fields, origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void The_Spanish_and_Portuguese_consent_texts_carry_the_purchase_clause_the_validator_requires()
    {
        foreach (var text in new[] { FormTexts.Spanish, FormTexts.Portuguese, FormTexts.English })
        {
            Assert.Contains(Api.QuoteRequestValidator.PurchaseClauses, c => text.SmsConsentText.Contains(c, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(Api.QuoteRequestValidator.PurchaseClauses, c => text.PhoneConsentText.Contains(c, StringComparison.OrdinalIgnoreCase));
        }
    }
}
