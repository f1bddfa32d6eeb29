namespace LeadPlatform.Intake.Sites;

/// <summary>One site that hosts quote forms: <c>Intake:Sites:&lt;siteId&gt;</c>.</summary>
public sealed class SiteOptions
{
    /// <summary>The key a site's backend or script sends in <c>X-Api-Key</c> (at least 16 characters).</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// Origins (<c>https://clinic.example</c>) whose pages may post this site's forms from a browser: CORS for scripts,
    /// and the origin check of plain HTML form posts. <c>self</c> is the origin of the intake service itself, for a form
    /// it serves (the example form).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Where a plain HTML form post is redirected (303) once stored: an absolute http(s) URL or a path on intake.</summary>
    public string? ThankYouUrl { get; set; }

    /// <summary>
    /// Where an invalid plain HTML form post is redirected (303), with the invalid field names as <c>error</c> query
    /// parameters. Without it, intake answers 400 with an HTML page that names the fields.
    /// </summary>
    public string? ErrorUrl { get; set; }

    /// <summary>The clinic's privacy notice, linked from the form (absolute http(s) URL); else <c>Intake:PrivacyNoticeUrl</c>.</summary>
    public string? PrivacyNoticeUrl { get; set; }
}
