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
}
