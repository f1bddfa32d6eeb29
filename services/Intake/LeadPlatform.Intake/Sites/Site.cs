namespace LeadPlatform.Intake.Sites;

/// <summary>A configured site, resolved from its key or its origin.</summary>
public sealed record Site(string Id, string ThankYouUrl, string? ErrorUrl);
