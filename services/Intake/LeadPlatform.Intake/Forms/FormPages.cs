using System.Text;
using LeadPlatform.Compliance;
using LeadPlatform.Intake.Sites;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.Intake.Forms;

/// <summary>What a browser sees after a plain HTML form post: a redirect, or a page in words, never JSON.</summary>
internal static class FormPages
{
    public const string ThankYouPath = SiteDirectory.DefaultThankYouPath;
    public const string PrivacyPath = "/forms/privacy";

    /// <summary>303 See Other: the browser follows it with a GET, so reloading the thank-you page never posts again.</summary>
    public static IResult SeeOther(string url) => new SeeOtherResult(url);

    /// <summary>
    /// The site's thank-you page with <c>?quoteRequestId=…</c>. Intake's own thank-you page also gets the site, the
    /// language and the preferred channel (never personal data), to say in the lead's language how they will be contacted.
    /// </summary>
    public static string ThankYouUrl(Site site, Guid quoteRequestId, string? language = null, string? channel = null)
    {
        var url = QueryHelpers.AddQueryString(site.ThankYouUrl, "quoteRequestId", quoteRequestId.ToString());
        if (!site.ThankYouUrl.StartsWith(ThankYouPath, StringComparison.Ordinal)) return url;
        url = QueryHelpers.AddQueryString(url, "site", site.Id);
        if (FormTexts.Named(language) is { } text) url = QueryHelpers.AddQueryString(url, "lang", text.Language);
        if (ChannelPolicy.TryParse(channel, out var policy)) url = QueryHelpers.AddQueryString(url, "via", policy.Name);
        return url;
    }

    /// <summary>The site's error page with the invalid field names (names only, never values) as <c>error</c> parameters.</summary>
    public static string ErrorUrl(string errorUrl, IEnumerable<string> fields) =>
        QueryHelpers.AddQueryString(errorUrl, fields.Select(f => new KeyValuePair<string, string?>("error", f)));

    /// <summary>
    /// The policy of the form's pages (the form, its thank-you and error pages): only the form's own script and no other
    /// source, and embeddable by the pages of the site's allowed origins (all sites' when it is not known), so a clinic
    /// can frame its form; the referrer policy keeps the Origin header of the form's post (no-referrer would make it "null").
    /// </summary>
    public static void ApplyPolicy(HttpContext http, Site? site)
    {
        var sites = http.RequestServices.GetRequiredService<SiteDirectory>();
        var origins = string.Join(' ', sites.OriginsOf(site));
        var targets = site is null ? string.Empty : string.Join(' ', new[] { site.ThankYouUrl, site.ErrorUrl }
            .Select(u => u is null ? null : SiteDirectory.NormaliseOrigin(u)).OfType<string>().Distinct(StringComparer.Ordinal));
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + $"form-action 'self' {targets}".TrimEnd() + "; " + $"frame-ancestors 'self' {origins}".TrimEnd() + "; base-uri 'none'";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    /// <summary>A refusal that is not about a field (too large, too many, not stored): a short page in words.</summary>
    public static IResult Error(int status, string title, string detail, Site? site = null) =>
        new FormPageResult(Results.Content(Page("en", title, $"<p>{Encode(detail)}</p>"), "text/html; charset=utf-8", Encoding.UTF8, status), site);

    public static string ThankYou(FormText text, string? channel, string promise)
    {
        var by = ChannelPolicy.TryParse(channel, out var policy) ? text.By(policy.Channel) : null;
        var next = string.Format(System.Globalization.CultureInfo.InvariantCulture, text.ThankYouNext, by is null ? string.Empty : " " + by, promise);
        return Page(text.Language, text.ThankYouTitle,
            $"<p class=\"lead\">{Encode(text.ThankYouReceived)}</p><p id=\"next\">{Encode(next)}</p><p>{Encode(text.ThankYouStop)}</p>" +
            $"<p class=\"note\">{Encode(text.FdaNote)}</p>");
    }

    public static string Privacy(FormText text) => Page(text.Language, text.PrivacyTitle,
        string.Concat(text.PrivacyParagraphs.Select(p => $"<p>{Encode(p)}</p>")));

    private static string Page(string language, string title, string content) =>
        $"<!doctype html><html lang=\"{Encode(language)}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Encode(title)}</title><style>{FormStyle.Css}</style></head>" +
        $"<body><main aria-labelledby=\"page-title\"><h1 id=\"page-title\">{Encode(title)}</h1>{content}</main></body></html>";

    /// <summary>Text or a double-quoted attribute value, escaped; letters of every language stay as they are (readable source, smaller pages).</summary>
    public static string Encode(string value)
    {
        if (value.AsSpan().IndexOfAny("&<>\"'") < 0) return value;
        var escaped = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            escaped.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
        }
        return escaped.ToString();
    }

    /// <summary>A page of the form, with the form's policy (<see cref="ApplyPolicy"/>).</summary>
    public static IResult Html(string html, Site? site, int status = StatusCodes.Status200OK) =>
        new FormPageResult(Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status), site);

    private sealed class FormPageResult(IResult inner, Site? site) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ApplyPolicy(httpContext, site);
            return inner.ExecuteAsync(httpContext);
        }
    }

    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
