using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LeadPlatform.Compliance;

/// <summary>
/// One-click email unsubscribe tokens: HMAC-SHA256 signed, no login, carrying the lead id and an expiry
/// (at least 30 days; default 60). The key is the caller's secret (at least 32 bytes); time comes from TimeProvider.
/// Format: base64url(version | lead id | expiry unix seconds) "." base64url(HMAC).
/// </summary>
public sealed class UnsubscribeTokens
{
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(60);

    private const byte FormatVersion = 1;
    private const int PayloadLength = 1 + 16 + 8;
    private static readonly byte[] Purpose = "leadplatform.unsubscribe.email.v1|"u8.ToArray();

    private readonly byte[] key;
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
        this.time = time;
        this.lifetime = life;
    }

    public string Issue(Guid leadId)
    {
        var expires = time.GetUtcNow() + lifetime;
        Span<byte> payload = stackalloc byte[PayloadLength];
        payload[0] = FormatVersion;
        leadId.TryWriteBytes(payload.Slice(1, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.Slice(17, 8), expires.ToUnixTimeSeconds());
        return Base64Url(payload) + "." + Base64Url(Sign(payload));
    }

    public UnsubscribeTokenValidation Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return Refused("malformed");
        }

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

        var leadId = new Guid(payload.AsSpan(1, 16));
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(17, 8)));
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
