namespace LeadPlatform.TestSupport;

/// <summary>A text <see cref="LocalSmsProvider"/> sent to a phone.</summary>
public sealed record ProviderText(string Id, string IdempotencyKey, string To, string? From, string Body);
