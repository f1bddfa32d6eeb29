namespace LeadPlatform.FollowUp.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    /// <summary>The first admin, created at start when no account has this email. Unset (and no account at all): one is generated and its password printed once on the console.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>OpenID Connect sign-in; wired only when <see cref="OidcOptions.Authority"/> and <see cref="OidcOptions.ClientId"/> are set.</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Bearer tokens for integrations, by name (<c>Auth:ApiTokens:crm=...</c>) or as a list; each acts as a coordinator.</summary>
    public Dictionary<string, string> ApiTokens { get; set; } = [];

    /// <summary>How long a dashboard session lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
