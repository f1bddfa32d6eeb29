using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LeadPlatform.Compliance;

/// <summary>
/// One-click email unsubscribe tokens: no login, opaque, carrying the lead id and an expiry (at least 30 days; default
/// 60). The key is the caller's secret (at least 32 bytes); time comes from TimeProvider.
/// <para>
/// Issued (version 2): <c>"2." base64url(nonce | tag | AES-256-GCM(lead id | expiry unix seconds))</c>, under a key derived
/// from the secret (HKDF-SHA256): nothing about the lead can be read from the link, and nothing can be changed in it.
/// Still accepted until they expire (at most 60 days after they were sent, so a person can unsubscribe from any email
/// received): version 1, <c>base64url(1 | lead id | expiry) "." base64url(HMAC)</c>, which carried the lead id readable.
/// </para>
/// </summary>
public sealed class UnsubscribeTokens
{
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(60);

    private const byte FormatVersion = 1;
    private const int PayloadLength = 1 + 16 + 8;
    private const string SealedPrefix = "2.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int SealedPlaintextLength = 16 + 8;
    private static readonly byte[] Purpose = "leadplatform.unsubscribe.email.v1|"u8.ToArray();
    private static readonly byte[] SealedPurpose = "leadplatform.unsubscribe.email.v2"u8.ToArray();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly byte[] key;
    private readonly byte[] sealingKey;
    private readonly TimeProvider time;
    private readonly TimeSpan lifetime;

    public UnsubscribeTokens(ReadOnlySpan<byte> key, TimeProvider time, TimeSpan? lifetime = null)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The signing key must be at least 32 bytes.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(time);
        var life = lifetime ?? DefaultLifetime;
        if (life < MinimumLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "An unsubscribe link must stay valid for at least 30 days.");
        }

        this.key = key.ToArray();
        sealingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, this.key, 32, salt: [], info: SealedPurpose);
        this.time = time;
        this.lifetime = life;
    }

    public string Issue(Guid leadId)
    {
        var expires = time.GetUtcNow() + lifetime;
        Span<byte> plaintext = stackalloc byte[SealedPlaintextLength];
        leadId.TryWriteBytes(plaintext[..16]);
        BinaryPrimitives.WriteInt64BigEndian(plaintext.Slice(16, 8), expires.ToUnixTimeSeconds());
        var output = new byte[NonceSize + TagSize + SealedPlaintextLength];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(sealingKey, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), SealedPurpose);
        return SealedPrefix + Base64Url(output);
    }

    public UnsubscribeTokenValidation Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return Refused("malformed");
        }

        return token.StartsWith(SealedPrefix, StringComparison.Ordinal) ? ValidateSealed(token[SealedPrefix.Length..]) : ValidateSigned(token);
    }

    private UnsubscribeTokenValidation ValidateSealed(string sealedPart)
    {
        if (!TryDecode(sealedPart, out var bytes) || bytes.Length != NonceSize + TagSize + SealedPlaintextLength)
        {
            return Refused("malformed");
        }

        var plaintext = new byte[SealedPlaintextLength];
        try
        {
            using var aes = new AesGcm(sealingKey, TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plaintext, SealedPurpose);
        }
        catch (CryptographicException)
        {
            return Refused("bad-signature");
        }

        return Judge(new Guid(plaintext.AsSpan(0, 16)), BinaryPrimitives.ReadInt64BigEndian(plaintext.AsSpan(16, 8)));
    }

    private UnsubscribeTokenValidation ValidateSigned(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var mac)
            || payload.Length != PayloadLength || payload[0] != FormatVersion)
        {
            return Refused("malformed");
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Sign(payload)))
        {
            return Refused("bad-signature");
        }

        return Judge(new Guid(payload.AsSpan(1, 16)), BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(17, 8)));
    }

    /// <summary>An expiry no clock can reach (or before 1970) is no genuine token's: refused as malformed, never an exception.</summary>
    private UnsubscribeTokenValidation Judge(Guid leadId, long expiresUnixSeconds)
    {
        if (expiresUnixSeconds < 0 || expiresUnixSeconds > MaxUnixSeconds)
        {
            return Refused("malformed");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresUnixSeconds);
        if (time.GetUtcNow() >= expires)
        {
            return new UnsubscribeTokenValidation { IsValid = false, LeadId = leadId, ExpiresAt = expires, Failure = "expired" };
        }

        return new UnsubscribeTokenValidation { IsValid = true, LeadId = leadId, ExpiresAt = expires };
    }

    private static UnsubscribeTokenValidation Refused(string why) => new() { IsValid = false, Failure = why };

    private byte[] Sign(ReadOnlySpan<byte> payload)
    {
        var message = new byte[Purpose.Length + payload.Length];
        Purpose.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(Purpose.Length));
        return HMACSHA256.HashData(key, message);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => string.Empty, _ => "!" };
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
