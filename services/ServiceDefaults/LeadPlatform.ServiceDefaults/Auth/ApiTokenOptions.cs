namespace LeadPlatform.ServiceDefaults.Auth;

/// <summary>
/// The integrations' bearer tokens of the <c>Auth</c> section (<c>Auth:ApiTokens:crm=...</c>): every service with an
/// API for integrations (follow-up, qualification) reads the same setting from its own configuration.
/// </summary>
public sealed class ApiTokenOptions
{
    public Dictionary<string, string> ApiTokens { get; set; } = [];
}
