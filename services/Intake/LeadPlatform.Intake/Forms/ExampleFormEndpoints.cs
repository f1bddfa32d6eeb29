using System.Globalization;
using System.Reflection;
using LeadPlatform.Intake.Api;
using LeadPlatform.Intake.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LeadPlatform.Intake.Forms;

/// <summary>
/// An example quote form that posts to the API as a clinic's page would, as a plain HTML form (no JavaScript needed),
/// and the thank-you page it lands on. The page is rendered with the time it was rendered (the spam check's clock),
/// the page URL, the referrer and the UTM parameters of its own address, so attribution works without a script.
/// </summary>
public static class ExampleFormEndpoints
{
    public const string Path = "/forms/example";
    public const string ConsentTextVersion = "2026-11";
    public const string EmailConsentText = "I agree to be contacted by email about my inquiry.";
    public const string SmsConsentText = "I agree to receive text messages about my inquiry at the number above, which may be sent using automated technology. Consent is not a condition of purchase. Reply STOP to opt out.";
    public const string PhoneConsentText = "I agree to receive calls about my inquiry at the number above, which may be made using automated technology. Consent is not a condition of purchase.";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LeadPlatform.Intake.Forms.example.html")
                           ?? throw new InvalidOperationException("The example form is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly (string Query, string Placeholder)[] Utm =
        [("utm_source", "utmSource"), ("utm_medium", "utmMedium"), ("utm_campaign", "utmCampaign"), ("utm_term", "utmTerm"), ("utm_content", "utmContent")];

    public static IEndpointRouteBuilder MapExampleForm(this IEndpointRouteBuilder app)
    {
        // The form and its thank-you page may be framed by the pages of its site's allowed origins (the site of "self").
        app.MapGet(Path, (HttpRequest request, TimeProvider time, SiteDirectory sites) => FormPages.Html(Render(request, time), sites.SelfSite))
            .ExcludeFromDescription();
        app.MapGet(FormPages.ThankYouPath, (SiteDirectory sites) => FormPages.Html(FormPages.ThankYou(), sites.SelfSite))
            .ExcludeFromDescription();
        return app;
    }

    private static string Render(HttpRequest request, TimeProvider time)
    {
        var values = new Dictionary<string, string>
        {
            ["emailConsentText"] = EmailConsentText,
            ["smsConsentText"] = SmsConsentText,
            ["phoneConsentText"] = PhoneConsentText,
            ["consentTextVersion"] = ConsentTextVersion,
            ["formRenderedAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["pageUrl"] = PageUrl(request),
            ["referrer"] = Referrer(request),
        };
        foreach (var (query, placeholder) in Utm)
        {
            var value = request.Query[query].ToString().Trim();
            values[placeholder] = value.Length <= QuoteRequestValidator.ShortMax && !value.Any(char.IsControl) ? value : string.Empty;
        }
        var page = Template.Value;
        foreach (var (name, value) in values) page = page.Replace("{{" + name + "}}", FormPages.Encode(value), StringComparison.Ordinal);
        return page;
    }

    private static string PageUrl(HttpRequest request)
    {
        var withQuery = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        return withQuery.Length <= QuoteRequestValidator.UrlMax ? withQuery : $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
    }

    private static string Referrer(HttpRequest request)
    {
        var referrer = request.Headers.Referer.ToString();
        return referrer.Length <= QuoteRequestValidator.UrlMax && SiteDirectory.NormaliseOrigin(referrer) is not null ? referrer : string.Empty;
    }
}
