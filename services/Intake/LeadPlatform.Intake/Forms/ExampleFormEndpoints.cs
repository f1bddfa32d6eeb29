using System.Globalization;
using LeadPlatform.Intake.Api;
using LeadPlatform.Intake.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadPlatform.Intake.Forms;

/// <summary>
/// The patient's quote form as intake hosts it: <c>/forms/example</c> (the form of the site that allows "self", the
/// example), and <c>/forms/{siteId}</c>, the form a clinic embeds in an <c>&lt;iframe&gt;</c>, framed only by that site's
/// allowed origins. Plain HTML that works without JavaScript, in English, Spanish or Portuguese (<c>?lang=</c>, else the
/// browser's Accept-Language), posting as a clinic's own page would; its thank-you page and privacy notice.
/// The page is rendered with the time it was rendered (the spam check's clock), the page URL, the referrer and the UTM
/// parameters of its own address, so attribution works without a script.
/// </summary>
public static class ExampleFormEndpoints
{
    public const string Path = "/forms/example";
    public const string ConsentTextVersion = "2026-11";
    public const string EmailConsentText = "I agree to be contacted by email about my inquiry.";
    public const string SmsConsentText = "I agree to receive text messages about my inquiry at the number above, which may be sent using automated technology. Consent is not a condition of purchase. Reply STOP to opt out.";
    public const string PhoneConsentText = "I agree to receive calls about my inquiry at the number above, which may be made using automated technology. Consent is not a condition of purchase.";

    private static readonly (string Query, string Field)[] Utm =
        [("utm_source", "source.utmSource"), ("utm_medium", "source.utmMedium"), ("utm_campaign", "source.utmCampaign"), ("utm_term", "source.utmTerm"), ("utm_content", "source.utmContent")];

    public static IEndpointRouteBuilder MapExampleForm(this IEndpointRouteBuilder app)
    {
        WarnAboutSettings(app.ServiceProvider);
        app.MapGet(FormScript.Path, FormScript.Serve).ExcludeFromDescription();
        app.MapGet(Path, (HttpRequest request, TimeProvider time, SiteDirectory sites) =>
                (sites.FindById("example") ?? sites.SelfSite) is { } site ? Form(request, time, site, "example") : Results.NotFound())
            .ExcludeFromDescription();
        // The embeddable form of a site: /forms/{siteId}?lang=es. No key in the page: its posts come from intake's own
        // origin and name their site (siteId), which only a page at intake's origin may do.
        app.MapGet("/forms/{siteId}", (string siteId, HttpRequest request, TimeProvider time, SiteDirectory sites) =>
                sites.FindById(siteId) is { } site ? Form(request, time, site, site.Id) : Results.NotFound())
            .ExcludeFromDescription();
        app.MapGet(FormPages.ThankYouPath, (HttpRequest request, SiteDirectory sites, IOptions<IntakeOptions> options) =>
            {
                var site = sites.FindById(request.Query["site"].ToString()) ?? sites.SelfSite;
                var text = FormTexts.Choose(request);
                return FormPages.Html(FormPages.ThankYou(text, request.Query["via"].ToString(), Promise(options.Value, text)), site);
            })
            .ExcludeFromDescription();
        app.MapGet(FormPages.PrivacyPath, (HttpRequest request, SiteDirectory sites) =>
                FormPages.Html(FormPages.Privacy(FormTexts.Choose(request)), sites.FindById(request.Query["site"].ToString()) ?? sites.SelfSite))
            .ExcludeFromDescription();
        return app;
    }

    internal static string Promise(IntakeOptions options, FormText text) =>
        options.FirstContactPromise.TryGetValue(text.Language, out var promise) && !string.IsNullOrWhiteSpace(promise) ? promise.Trim() : text.DefaultPromise;

    private static IResult Form(HttpRequest request, TimeProvider time, Site site, string formId)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["source.formId"] = formId,
            ["formRenderedAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["source.pageUrl"] = PageUrl(request),
            ["source.referrer"] = Referrer(request),
        };
        var kept = new List<string>();
        foreach (var (query, field) in Utm)
        {
            var value = request.Query[query].ToString().Trim();
            if (value.Length == 0 || value.Length > QuoteRequestValidator.ShortMax || value.Any(char.IsControl)) continue;
            values[field] = value;
            kept.Add($"&{query}={Uri.EscapeDataString(value)}");
        }
        var text = FormTexts.Choose(request);
        var html = QuoteFormPage.Render(new QuoteFormPage.Model
        {
            SiteId = site.Id,
            FormPath = formId == "example" ? Path : $"/forms/{site.Id}",
            PathBase = request.PathBase.Value ?? string.Empty,
            Text = text,
            Values = values,
            PrivacyUrl = PrivacyUrl(request, site, text),
            KeptQuery = string.Concat(kept),
        });
        return FormPages.Html(html, site);
    }

    /// <summary>The form again, with what the person typed and an error beside each field the server refused: 400.</summary>
    internal static IResult Invalid(HttpRequest request, TimeProvider time, Site site, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, StringValues> posted)
    {
        var text = FormTexts.Named(posted.TryGetValue("language", out var language) ? language.ToString() : null) ?? FormTexts.Choose(request);
        var values = new Dictionary<string, StringValues>(posted, StringComparer.Ordinal);
        // Hidden fields the person cannot fix are sent fresh; what they typed is kept as typed.
        if (errors.ContainsKey("formRenderedAt") || !values.ContainsKey("formRenderedAt")) values["formRenderedAt"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var field in errors.Keys.Where(k => k.StartsWith("source.", StringComparison.Ordinal))) values.Remove(field);
        if (!values.ContainsKey("source.formId")) values["source.formId"] = site.Id;
        var html = QuoteFormPage.Render(new QuoteFormPage.Model
        {
            SiteId = site.Id,
            FormPath = values["source.formId"].ToString() == "example" ? Path : $"/forms/{site.Id}",
            PathBase = request.PathBase.Value ?? string.Empty,
            Text = text,
            Values = values,
            Errors = FormErrors.For(errors, values, text),
            PrivacyUrl = PrivacyUrl(request, site, text),
        });
        return FormPages.Html(html, site, StatusCodes.Status400BadRequest);
    }

    private static string PrivacyUrl(HttpRequest request, Site site, FormText text) =>
        site.PrivacyNoticeUrl ?? $"{request.PathBase}{FormPages.PrivacyPath}?lang={text.Language}&site={Uri.EscapeDataString(site.Id)}";

    private static void WarnAboutSettings(IServiceProvider services)
    {
        var sites = services.GetRequiredService<SiteDirectory>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Intake.Forms");
        foreach (var site in sites.Sites.Where(s => s.PrivacyNoticeUrl is null))
        {
            logger.LogWarning("Site {SiteId} has no privacy notice (Intake:PrivacyNoticeUrl or Intake:Sites:{SiteId}:PrivacyNoticeUrl): its form links to intake's short built-in notice", site.Id, site.Id);
        }
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
