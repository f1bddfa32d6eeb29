using System.Text.Json;
using LeadPlatform.Contracts;
using LeadPlatform.Storage.Outbox;

namespace LeadPlatform.Storage.Privacy;

/// <summary>
/// What is sealed at rest, wherever it is stored (both databases, every service): the whole <see cref="PersonDetails"/>
/// (names, email, phone, date of birth, postal code…), the whole <see cref="InquiryDetails"/> (condition and free text:
/// health data), the whole <see cref="SubmissionSource"/> (client IP and user agent), and the payload of every outbox
/// entry (the events carry the same data until they are sent). A sealed person also keeps the keyed hashes of its email
/// and phone beside the ciphertext (<c>EmailKey</c>, <c>PhoneKey</c>), so it can be looked up without being readable.
/// Consent (the text shown and when) stays in clear: it is the clinic's wording, and the evidence that must be checkable.
/// </summary>
public static class SealedTypes
{
    public const string SealedField = "Sealed";
    public const string EmailKeyField = "EmailKey";
    public const string PhoneKeyField = "PhoneKey";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static IEnumerable<(string Field, string? Value)> LookupKeysOf(object value, PersonalDataProtector protector) => value switch
    {
        PersonDetails person => [(EmailKeyField, protector.LookupKey(person.Email)), (PhoneKeyField, protector.LookupKey(person.Phone))],
        _ => [],
    };

    /// <summary>The types sealed whole, each with its purpose (bound into the ciphertext as associated data).</summary>
    internal static readonly (Type Type, string Purpose)[] Whole =
    [
        (typeof(PersonDetails), "person"),
        (typeof(InquiryDetails), "inquiry"),
        (typeof(SubmissionSource), "source"),
    ];

    /// <summary>Types of which only some string fields are sealed (the rest stays queryable): the outbox payload here; a service adds its own.</summary>
    internal static readonly (Type Type, string Purpose, string[] Fields)[] OutboxFields = [(typeof(OutboxEntry), "outbox", [nameof(OutboxEntry.Payload)])];

    internal static string Seal(object value, Type type, string purpose, PersonalDataProtector protector) =>
        protector.Protect(JsonSerializer.Serialize(value, type, Json), purpose);

    internal static object Open(string sealedValue, Type type, string purpose, PersonalDataProtector protector) =>
        JsonSerializer.Deserialize(protector.Unprotect(sealedValue, purpose), type, Json)
        ?? throw new PersonalDataUnreadableException($"Sealed {type.Name} opened to nothing.");

    internal static string FieldPurpose(string purpose, string field) => $"{purpose}.{field}";
}
