using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace LeadPlatform.Storage.Privacy;

/// <summary>
/// Encrypts personal data at rest (AES-256-GCM, a fresh 96-bit nonce per value, the key id and purpose as associated
/// data) with keys from configuration, and derives the keyed hashes (HMAC-SHA256) that find it again without an index
/// of readable values. A sealed value reads <c>pd1:{keyId}:{base64(nonce | tag | ciphertext)}</c>, so old keys keep
/// opening what they sealed after a rotation. Why not ASP.NET Core Data Protection: see README, "Personal data at rest".
/// </summary>
public sealed class PersonalDataProtector
{
    public const string Prefix = "pd1:";
    public const string DevelopmentKeyId = "development";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // Development only: the standalone host must run with nothing configured. Deployments set their own keys.
    private static readonly byte[] DevelopmentKey = SHA256.HashData("LeadPlatform development-only personal data key"u8);
    private const string DevelopmentLookupSecret = "development-only-lookup-key-secret";

    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[] _lookupKey;
    private readonly ConcurrentDictionary<string, ConcurrentBag<AesGcm>> _ciphers = new(StringComparer.Ordinal);

    public PersonalDataProtector(PrivacyOptions options)
    {
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, base64) in options.EncryptionKeys)
        {
            if (id.Length == 0 || id.Contains(':', StringComparison.Ordinal))
                throw new InvalidOperationException($"Privacy:EncryptionKeys: the key id '{id}' must be non-empty and without ':'.");
            byte[] key;
            try
            {
                key = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"Privacy:EncryptionKeys:{id} is not base64.");
            }
            if (key.Length != 32) throw new InvalidOperationException($"Privacy:EncryptionKeys:{id} must be 32 bytes (AES-256), base64; it is {key.Length}.");
            _keys[id] = key;
        }
        if (_keys.Count == 0)
        {
            IsDevelopmentKey = true;
            _keys[DevelopmentKeyId] = DevelopmentKey;
            CurrentKeyId = DevelopmentKeyId;
        }
        else
        {
            CurrentKeyId = options.CurrentKeyId ?? (_keys.Count == 1 ? _keys.Keys.Single() : throw new InvalidOperationException("Privacy:CurrentKeyId must name one of Privacy:EncryptionKeys."));
            if (!_keys.ContainsKey(CurrentKeyId)) throw new InvalidOperationException($"Privacy:CurrentKeyId '{CurrentKeyId}' is not one of Privacy:EncryptionKeys.");
        }
        var lookup = string.IsNullOrEmpty(options.LookupKeySecret) ? DevelopmentLookupSecret : options.LookupKeySecret;
        IsDevelopmentKey |= lookup == DevelopmentLookupSecret;
        _lookupKey = Encoding.UTF8.GetBytes(lookup);
    }

    public string CurrentKeyId { get; }

    /// <summary>
    /// The development key (base64) and lookup secret, published in this source: a standalone data folder written before
    /// keys were generated was sealed with them, so its generated key file keeps them to read that data.
    /// </summary>
    public static (string KeyBase64, string LookupSecret) DevelopmentDefaults => (Convert.ToBase64String(DevelopmentKey), DevelopmentLookupSecret);

    /// <summary>True when a development default is in use (no keys configured): fine on a laptop, never in production.</summary>
    public bool IsDevelopmentKey { get; }

    public static PersonalDataProtector FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection("Privacy").Get<PrivacyOptions>() ?? new PrivacyOptions());

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string plaintext, string purpose)
    {
        var key = _keys[CurrentKeyId];
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + input.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var aes = RentCipher(CurrentKeyId, key);
        aes.Encrypt(nonce, input, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData(CurrentKeyId, purpose));
        ReturnCipher(CurrentKeyId, aes);
        return $"{Prefix}{CurrentKeyId}:{Convert.ToBase64String(output)}";
    }

    /// <exception cref="PersonalDataUnreadableException">Not sealed by this service, sealed with a key not configured, or with a different key.</exception>
    public string Unprotect(string sealedValue, string purpose)
    {
        if (!IsSealed(sealedValue)) throw new PersonalDataUnreadableException("The value is not sealed personal data (it does not start with 'pd1:').");
        var rest = sealedValue.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0) throw new PersonalDataUnreadableException("Sealed personal data without a key id.");
        var keyId = rest[..colon].ToString();
        if (!_keys.TryGetValue(keyId, out var key))
            throw new PersonalDataUnreadableException($"Personal data sealed with key '{keyId}' cannot be read: Privacy:EncryptionKeys:{keyId} is not configured.");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        }
        catch (FormatException ex)
        {
            throw new PersonalDataUnreadableException("Sealed personal data that is not base64.", ex);
        }
        if (bytes.Length < NonceSize + TagSize) throw new PersonalDataUnreadableException("Sealed personal data too short to be genuine.");
        var plaintext = new byte[bytes.Length - NonceSize - TagSize];
        try
        {
            var aes = RentCipher(keyId, key);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plaintext, AssociatedData(keyId, purpose));
            ReturnCipher(keyId, aes); // only after a successful decrypt: a cipher that threw is left to the GC
        }
        catch (CryptographicException ex)
        {
            throw new PersonalDataUnreadableException(
                $"Personal data sealed with key '{keyId}' cannot be read: the configured Privacy:EncryptionKeys:{keyId} is not the key it was sealed with, or the value was altered.", ex);
        }
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>The keyed hash of a normalised value (lower-case email, E.164 phone), or null.</summary>
    public string? LookupKey(string? normalisedValue) =>
        string.IsNullOrEmpty(normalisedValue) ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(normalisedValue)));

    /// <summary>
    /// A cipher for the key, reused: creating one imports the key into the crypto library, which a profile found at 3% of the
    /// standalone's CPU (every sealed field of every read and write made one). An <see cref="AesGcm"/> is used by one thread
    /// at a time: each caller takes one out of the pool and puts it back; the pool holds at most as many as ran at once.
    /// </summary>
    private AesGcm RentCipher(string keyId, byte[] key) =>
        _ciphers.GetOrAdd(keyId, _ => new ConcurrentBag<AesGcm>()).TryTake(out var aes) ? aes : new AesGcm(key, TagSize);

    private void ReturnCipher(string keyId, AesGcm aes) => _ciphers[keyId].Add(aes);

    private static byte[] AssociatedData(string keyId, string purpose) => Encoding.UTF8.GetBytes($"{keyId}|{purpose}");
}
