using System.Net;
using System.Text;
using LeadPlatform.Intake.Sites;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.Intake.Forms;

/// <summary>What a browser sees after a plain HTML form post: a redirect, or a small page in words, never JSON.</summary>
internal static class FormPages
{
    public const string ThankYouPath = SiteDirectory.DefaultThankYouPath;

    /// <summary>303 See Other: the browser follows it with a GET, so reloading the thank-you page never posts again.</summary>
    public static IResult SeeOther(string url) => new SeeOtherResult(url);

    public static string ThankYouUrl(Site site, Guid quoteRequestId) =>
        QueryHelpers.AddQueryString(site.ThankYouUrl, "quoteRequestId", quoteRequestId.ToString());

    /// <summary>The site's error page with the invalid field names (names only, never values) as <c>error</c> parameters.</summary>
    public static string ErrorUrl(string errorUrl, IEnumerable<string> fields) =>
        QueryHelpers.AddQueryString(errorUrl, fields.Select(f => new KeyValuePair<string, string?>("error", f)));

    /// <summary>
    /// The policy of the form's pages (the form, its thank-you and error pages): no scripts, and embeddable by the pages
    /// of the site's allowed origins (all sites' when it is not known), so a clinic can frame its form; the referrer policy
    /// keeps the Origin header of the form's post (no-referrer would make it "null").
    /// </summary>
    public static void ApplyPolicy(HttpContext http, Site? site)
    {
        var sites = http.RequestServices.GetRequiredService<SiteDirectory>();
        var origins = string.Join(' ', sites.OriginsOf(site));
        var targets = site is null ? string.Empty : string.Join(' ', new[] { site.ThankYouUrl, site.ErrorUrl }
            .Select(u => u is null ? null : SiteDirectory.NormaliseOrigin(u)).OfType<string>().Distinct(StringComparer.Ordinal));
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + $"form-action 'self' {targets}".TrimEnd() + "; " + $"frame-ancestors 'self' {origins}".TrimEnd() + "; base-uri 'none'";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }

    public static IResult Error(int status, string title, string detail, IDictionary<string, string[]>? errors = null, Site? site = null)
    {
        var html = new StringBuilder();
        html.Append("<ul id=\"errors\">");
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            html.Append("<li><code data-field=\"").Append(Encode(field)).Append("\">").Append(Encode(field)).Append("</code>: ")
                .Append(Encode(string.Join(" ", messages))).Append("</li>");
        }
        html.Append("</ul>");
        var body = Page(title, $"<p>{Encode(detail)}</p>{(errors is { Count: > 0 } ? html.ToString() : string.Empty)}" +
                               "<p>Use your browser's Back button to return to the form; what you typed is still there.</p>");
        return new FormPageResult(Results.Content(body, "text/html; charset=utf-8", Encoding.UTF8, status), site);
    }

    public static string ThankYou() => Page("Thank you",
        "<p>Your request was received. A coordinator will contact you about it.</p>" +
        "<p>Stem-cell therapy for spondylolysis is investigational and not approved by the FDA.</p>");

    private static string Page(string title, string content) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Encode(title)}</title><style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}}</style></head>" +
        $"<body><main><h1>{Encode(title)}</h1>{content}</main></body></html>";

    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <summary>A page of the form, with the form's policy (<see cref="ApplyPolicy"/>).</summary>
    public static IResult Html(string html, Site? site) => new FormPageResult(Results.Content(html, "text/html; charset=utf-8"), site);

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
