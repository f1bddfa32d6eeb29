using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of a person's email and phone: the same person is found again without an index of
/// readable contact data, and a leaked database alone cannot be reversed by hashing a list of emails.
/// </summary>
public sealed class PersonKeys(IOptions<IntakeOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.PersonKeySecret);

    public string? Of(string? normalisedValue) =>
        normalisedValue is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalisedValue)));
}
