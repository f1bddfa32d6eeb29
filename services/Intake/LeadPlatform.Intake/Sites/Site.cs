namespace LeadPlatform.Intake.Sites;

/// <summary>A configured site, resolved from its key or its origin (or, for its hosted form, its id).</summary>
public sealed record Site(string Id, string ThankYouUrl, string? ErrorUrl)
{
    /// <summary>The site's privacy notice (its own, else <c>Intake:PrivacyNoticeUrl</c>), or null for intake's built-in one.</summary>
    public string? PrivacyNoticeUrl { get; init; }
}
