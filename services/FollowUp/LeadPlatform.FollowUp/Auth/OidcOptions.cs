namespace LeadPlatform.FollowUp.Auth;

/// <summary>
/// An OpenID Connect identity provider. It proves who someone is; what they may do comes from their local account
/// (matched by the <c>email</c> claim, created by an admin), so a person without an account gets no access.
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The button's text on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Sign in with your organisation";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
