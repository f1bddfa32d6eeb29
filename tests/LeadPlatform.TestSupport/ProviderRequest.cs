namespace LeadPlatform.TestSupport;

/// <summary>One request <see cref="LocalSmsProvider"/> received.</summary>
public sealed record ProviderRequest(string IdempotencyKey, string Authorization, string Json);
