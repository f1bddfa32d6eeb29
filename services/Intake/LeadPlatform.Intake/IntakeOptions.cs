using LeadPlatform.Intake.Sites;

namespace LeadPlatform.Intake;

/// <summary>The <c>Intake</c> configuration section.</summary>
public sealed class IntakeOptions
{
    /// <summary>The secret of the keyed hashes of emails and phones. Set your own in production.</summary>
    public string PersonKeySecret { get; set; } = "development-only-person-key-secret";

    /// <summary>Bodies larger than this are refused with 413.</summary>
    public int MaxBodyBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// The sites whose forms may post, by site id: <c>Intake:Sites:clinic:ApiKey</c>, <c>Intake:Sites:clinic:AllowedOrigins:0</c>,
    /// <c>Intake:Sites:clinic:ThankYouUrl</c> (or <c>Intake__Sites__clinic__ApiKey</c> in the environment).
    /// </summary>
    public Dictionary<string, SiteOptions> Sites { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A request without an <c>Idempotency-Key</c> whose person, inquiry and consent equal those of a request of the same
    /// site received less than this long ago is the same request (a double click, the back button): it is answered with
    /// the original's ids and not stored again.
    /// </summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A form sent less than this long after <c>formRenderedAt</c> was filled by a machine: stored as spam, not published.</summary>
    public TimeSpan MinFillTime { get; set; } = TimeSpan.FromSeconds(3);

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>
    /// The privacy notice the form links to (absolute http(s) URL), unless a site has its own
    /// (<c>Intake:Sites:&lt;id&gt;:PrivacyNoticeUrl</c>). Unset: intake's short built-in notice, <c>/forms/privacy</c>, and a warning at start.
    /// </summary>
    public string? PrivacyNoticeUrl { get; set; }

    /// <summary>
    /// When the clinic promises the first contact, per language, as the thank-you page says it ("A patient coordinator
    /// will contact you by email, {promise}."): <c>Intake:FirstContactPromise:en=within one business day</c>,
    /// <c>Intake:FirstContactPromise:es=en un día hábil</c>. A language without one gets "usually within one business day".
    /// </summary>
    public Dictionary<string, string> FirstContactPromise { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
