using System.Security.Cryptography;
using System.Text;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// The token in a full-disclaimer link (<c>/disclaimers/d1.…</c>): the condition sealed with AES-256-GCM under a key
/// derived (HKDF-SHA256) from <c>FollowUp:UnsubscribeKey</c>, a fresh nonce each time, so a link in a text message, a
/// provider's log or a browser history says nothing about the person's condition, and two people's links cannot be matched.
/// Old links that name the condition in clear (<c>/disclaimers/spondylolysis</c>) keep working.
/// </summary>
internal sealed class DisclaimerLinkTokens
{
    public const string Prefix = "d1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int MaxConditionBytes = 64;
    private static readonly byte[] Purpose = "leadplatform.disclaimer-link.v1"u8.ToArray();
    private readonly byte[] _key;

    public DisclaimerLinkTokens(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 32) throw new ArgumentException("The link key must be at least 32 bytes.", nameof(secret));
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, salt: [], info: Purpose);
    }

    /// <summary>A link to the condition's disclaimer, in the lead's language when given (sealed with it: <c>condition|language</c>).</summary>
    public string Issue(string condition, string? language = null)
    {
        var lang = language?.Split('-', '_')[0].Trim().ToLowerInvariant();
        var plaintext = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(lang) || !lang.All(char.IsAsciiLetterLower) || lang.Length > 8 ? condition : $"{condition}|{lang}");
        if (plaintext.Length > MaxConditionBytes) plaintext = Encoding.UTF8.GetBytes("unknown");
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Purpose);
        return Prefix + Convert.ToBase64String(output).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The condition and language (null in older links) of a token this service issued; the condition is null when it is not one.</summary>
    public (string? Condition, string? Language) OpenWithLanguage(string token)
    {
        var opened = Open(token);
        if (opened is null) return (null, null);
        var bar = opened.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (opened, null) : (opened[..bar], opened[(bar + 1)..]);
    }

    /// <summary>The sealed text of a token this service issued (<c>condition</c> or <c>condition|language</c>), or null (not one, altered, or another key's).</summary>
    public string? Open(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200) return null;
        var text = token[Prefix.Length..];
        if (text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) return null;
        byte[] bytes;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length < NonceSize + TagSize) return null;
        var plaintext = new byte[bytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plaintext, Purpose);
        }
        catch (CryptographicException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plaintext);
    }
}
