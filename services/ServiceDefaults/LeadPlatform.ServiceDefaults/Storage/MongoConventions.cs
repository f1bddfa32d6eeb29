using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;

namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>
/// How LeadPlatform documents look in MongoDB: standard UUIDs, times as BSON dates (queryable, millisecond
/// precision, as in LiteDB), enums as strings, unknown fields ignored so that additive changes roll out safely.
/// </summary>
public static class MongoConventions
{
    private static int _registered;

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
    }
}
