namespace LeadPlatform.ServiceDefaults.Security;

/// <summary>
/// A setting that is a secret, as a production host requires it. <see cref="Key"/> ending in <c>:*</c> means every
/// child of the section (each site's API key, each encryption key, each API token).
/// </summary>
/// <param name="Required">False: the setting may be absent (its feature is then off), but a value given must be strong.</param>
/// <param name="AesKey">A base64 AES-256 key (32 random bytes) rather than a text secret.</param>
public sealed record SecretRule(string Key, int MinLength, bool Required = true, bool AesKey = false, string? UriPassword = null)
{
    /// <summary>A connection string whose password (the user info of a URI) must not be a placeholder.</summary>
    public static SecretRule PasswordIn(string key) => new(key, 0, Required: false, UriPassword: key);
}
