using LeadPlatform.Contracts;
using LeadPlatform.Storage.Outbox;
using LeadPlatform.Storage.Privacy;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace LeadPlatform.Storage;

/// <summary>
/// How LeadPlatform documents look in MongoDB: standard UUIDs, times as BSON dates (queryable, millisecond
/// precision, as in LiteDB), enums as strings, unknown fields ignored so that additive changes roll out safely, and
/// personal data sealed (<see cref="SealedTypes"/>) once a protector is set.
/// </summary>
public static class MongoConventions
{
    private static int _registered;
    private static PersonalDataProtector? _protector;

    /// <summary>
    /// The protector of the MongoDB serializers. The driver's serializer registry is process-wide, so is this: every
    /// service in one process shares the <c>Privacy</c> configuration (the standalone host has one configuration).
    /// </summary>
    public static PersonalDataProtector? Protector => Volatile.Read(ref _protector);

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
        BsonSerializer.TryRegisterSerializer(new DateTimeOffsetSerializer(BsonType.DateTime));
        var pack = new ConventionPack
        {
            new IgnoreExtraElementsConvention(true),
            new EnumRepresentationConvention(BsonType.String),
        };
        ConventionRegistry.Register("LeadPlatform", pack, t => t.FullName?.StartsWith("LeadPlatform.", StringComparison.Ordinal) == true);
        BsonSerializer.TryRegisterSerializer(new SealingBsonSerializer<PersonDetails>("person", null));
        BsonSerializer.TryRegisterSerializer(new SealingBsonSerializer<InquiryDetails>("inquiry", null));
        BsonSerializer.TryRegisterSerializer(new SealingBsonSerializer<SubmissionSource>("source", null));
        BsonSerializer.TryRegisterSerializer(new SealingBsonSerializer<OutboxEntry>("outbox", [nameof(OutboxEntry.Payload)]));
    }

    /// <summary>
    /// Seals these string fields of <typeparamref name="T"/> wherever it is stored (once a protector is set). Call it
    /// before the first document holding a <typeparamref name="T"/> is serialized (a store's static constructor).
    /// </summary>
    public static void SealFields<T>(string purpose, params string[] fields) where T : class
    {
        EnsureRegistered();
        BsonSerializer.TryRegisterSerializer(new SealingBsonSerializer<T>(purpose, fields));
    }

    /// <summary>Seals personal data in every MongoDB document written from now on (the first protector set stays).</summary>
    public static void UseProtector(PersonalDataProtector protector)
    {
        EnsureRegistered();
        Interlocked.CompareExchange(ref _protector, protector, null);
    }
}
