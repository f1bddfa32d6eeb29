using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// The form's pages carry the security headers, and may be framed by the pages of their site's allowed origins only, so
/// a clinic can embed its form and nobody else can; names that would read as something else are refused.
/// </summary>
public sealed class Securing_the_form_pages_and_names
{
    private static string Csp(HttpResponseMessage response) => string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

    [Fact]
    public async Task The_form_and_its_thank_you_and_error_pages_carry_the_security_headers_and_may_be_framed_only_by_the_site_s_origins()
    {
        await using var server = await IntakeServer.StartAsync("--Intake:Sites:test:AllowedOrigins:1=self");
        using var form = await server.Http.GetAsync("/forms/example");
        using var thanks = await server.Http.GetAsync("/forms/thank-you");
        var invalid = IntakeServer.FormOf(SampleQuoteRequest.Create()).Where(f => f.Key != "email" && f.Key != "phone").ToList();
        using var error = await server.PostFormAsync(invalid);

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        foreach (var (name, page) in new[] { ("form", form), ("thank-you", thanks), ("error", error) })
        {
            Assert.StartsWith("text/html", page.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
            var csp = Csp(page);
            Assert.Contains($"frame-ancestors 'self' {IntakeServer.TestOrigin}", csp, StringComparison.Ordinal);
            Assert.DoesNotContain(IntakeServer.OtherOrigin, csp.Split("frame-ancestors")[1].Split(';')[0], StringComparison.Ordinal);
            // Only the form's own script, from intake itself (the "better with JavaScript"): nothing third-party, nothing inline.
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(page.Headers.Contains("Referrer-Policy"), $"{name}: no Referrer-Policy");
            Assert.False(page.Headers.Contains("X-Frame-Options"), $"{name}: X-Frame-Options would forbid the clinic's frame");
        }
        // The form's post keeps its Origin (a no-referrer policy would send "null").
        Assert.Equal("strict-origin-when-cross-origin", form.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("firstName", "Admin\u202Etxt.exe")]
    [InlineData("firstName", "Ma\u200Bria")]
    [InlineData("lastName", "Lo\u2066pez")]
    [InlineData("lastName", "Lopez\uFEFF")]
    public async Task A_name_with_a_bidi_override_or_an_invisible_character_is_refused_with_a_field_error(string field, string name)
    {
        await using var server = await IntakeServer.StartAsync();
        var request = SampleQuoteRequest.Create();
        request[field] = name;
        var before = await server.CountAsync();

        using var response = await server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("invisible", (string)problem!["errors"]![field]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, await server.CountAsync());
    }

    [Fact]
    public async Task Names_in_other_scripts_with_accents_hyphens_and_apostrophes_are_still_accepted()
    {
        await using var server = await IntakeServer.StartAsync();
        var request = SampleQuoteRequest.Create();
        request["firstName"] = "Zoë-Anne";
        request["lastName"] = "O'Connor 山田 Ğül";

        using var response = await server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
