using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LeadPlatform.ServiceDefaults.Security;

/// <summary>
/// Headers on every response of every host: <c>nosniff</c>; over HTTPS (directly or forwarded by a known proxy)
/// <c>Strict-Transport-Security</c>; and on every HTML page a Content-Security-Policy (no scripts, no framing:
/// <c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>) and <c>Referrer-Policy: no-referrer</c>, unless the
/// page set its own (the dashboard's scripts, the quote form's frame-ancestors from its site's allowed origins).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string DefaultPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The API reference (Scalar) runs inline scripts: it may not be framed or change its base, nothing more.</summary>
    public const string ApiReferencePolicy = "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public const string HstsValue = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = HstsValue;
            if (http.Response.ContentType is { } type && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-reference") ? ApiReferencePolicy : DefaultPolicy;
                if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "no-referrer";
                if (!headers.ContainsKey(HeaderNames.XFrameOptions) && headers.ContentSecurityPolicy.ToString().Contains("frame-ancestors 'none'", StringComparison.Ordinal))
                    headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
