using System.Security.Cryptography;

namespace LeadPlatform.Storage.Privacy;

/// <summary>Sealed personal data that the configured keys cannot open: a missing key, or a different key under the same id.</summary>
public sealed class PersonalDataUnreadableException(string message, Exception? inner = null) : CryptographicException(message, inner);
