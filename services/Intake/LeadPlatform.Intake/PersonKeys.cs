using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadPlatform.Contracts;
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

    /// <summary>
    /// The keyed hash of who the person is: email, first and last name and date of birth, normalised (case, accents and
    /// whitespace ignored). Null without an email or a date of birth: then no later request is certain to be the same person.
    /// </summary>
    public string? IdentityOf(PersonDetails person) =>
        person.Email is null || person.DateOfBirth is not { } born
            ? null
            : Of(string.Join('\n', "identity:v1", person.Email.Trim().ToLowerInvariant(), NameKey(person.FirstName), NameKey(person.LastName),
                born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>"  María  José " and "maria jose" are one name: decomposed, marks dropped, lower case, no whitespace.</summary>
    internal static string NameKey(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) continue;
            if (char.IsWhiteSpace(c)) continue;
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }
}
