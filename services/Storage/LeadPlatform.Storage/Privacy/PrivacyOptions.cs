namespace LeadPlatform.Storage.Privacy;

/// <summary>
/// The <c>Privacy</c> configuration section: the keys that encrypt personal data at rest, the secret of the keyed hashes
/// that find it again, and how long an inactive lead keeps it.
/// </summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// AES-256 keys by id, each 32 bytes in base64 (<c>Privacy:EncryptionKeys:k2026a</c>, or <c>Privacy__EncryptionKeys__k2026a</c>
    /// in the environment; <c>openssl rand -base64 32</c> makes one). Keep every key that sealed data still stored: a
    /// value names the key it was sealed with.
    /// </summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key new data is sealed with. Rotate by adding a key and pointing this at it.</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>The secret of the keyed hashes (HMAC-SHA256) by which sealed emails and phones are looked up.</summary>
    public string? LookupKeySecret { get; set; }

    /// <summary>
    /// The key operators send as <c>X-Operator-Key</c> to export or erase a lead's personal data. Unset: those endpoints
    /// answer 403.
    /// </summary>
    public string? OperatorApiKey { get; set; }

    /// <summary>Days without activity after which a lead's personal data is anonymised; null or 0 keeps it.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
