using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace LeadPlatform.Storage.Privacy;

/// <summary>
/// The MongoDB side of <see cref="SealedTypes"/>: a type sealed whole is stored as <c>{ Sealed, EmailKey?, PhoneKey? }</c>;
/// a type with sealed fields keeps its shape with those strings sealed. Without a protector
/// (<see cref="MongoConventions.Protector"/> null) it is the plain class map; a document stored in clear before sealing
/// was configured still reads.
/// </summary>
internal sealed class SealingBsonSerializer<T>(string purpose, string[]? fields) : SerializerBase<T> where T : class
{
    private static readonly JsonWriterSettings Canonical = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson };
    private readonly Lazy<IBsonSerializer<T>> _plain = new(() => new BsonClassMapSerializer<T>(BsonClassMap.LookupClassMap(typeof(T))));

    /// <summary>Fields that are not strings (a list, a dictionary: free text inside) are sealed as their canonical extended JSON.</summary>
    private readonly HashSet<string> _structured = (fields ?? []).Where(f => typeof(T).GetProperty(f)?.PropertyType is { } t && t != typeof(string)).ToHashSet(StringComparer.Ordinal);

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, T value)
    {
        var protector = MongoConventions.Protector;
        if (value is null)
        {
            context.Writer.WriteNull();
            return;
        }
        if (protector is null)
        {
            _plain.Value.Serialize(context, args, value);
            return;
        }
        BsonDocument document;
        if (fields is not null)
        {
            document = value.ToBsonDocument(typeof(T), _plain.Value);
            foreach (var field in fields)
            {
                if (!document.TryGetValue(field, out var stored) || stored.IsBsonNull) continue;
                if (_structured.Contains(field))
                    document[field] = protector.Protect(new BsonDocument("v", stored).ToJson(Canonical), SealedTypes.FieldPurpose(purpose, field));
                else if (stored.IsString && stored.AsString.Length > 0 && !PersonalDataProtector.IsSealed(stored.AsString))
                    document[field] = protector.Protect(stored.AsString, SealedTypes.FieldPurpose(purpose, field));
            }
        }
        else
        {
            document = new BsonDocument(SealedTypes.SealedField, SealedTypes.Seal(value, typeof(T), purpose, protector));
            foreach (var (field, key) in SealedTypes.LookupKeysOf(value, protector))
            {
                if (key is not null) document[field] = key;
            }
        }
        BsonDocumentSerializer.Instance.Serialize(context, document);
    }

    public override T Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args)
    {
        if (context.Reader.GetCurrentBsonType() == BsonType.Null)
        {
            context.Reader.ReadNull();
            return null!;
        }
        var document = BsonDocumentSerializer.Instance.Deserialize(context);
        var protector = MongoConventions.Protector;
        if (fields is null && document.TryGetValue(SealedTypes.SealedField, out var sealedValue))
            return (T)SealedTypes.Open(sealedValue.AsString, typeof(T), purpose, Required(protector));
        foreach (var field in fields ?? [])
        {
            if (!document.TryGetValue(field, out var text) || !text.IsString || !PersonalDataProtector.IsSealed(text.AsString)) continue;
            var opened = Required(protector).Unprotect(text.AsString, SealedTypes.FieldPurpose(purpose, field));
            document[field] = _structured.Contains(field) ? BsonDocument.Parse(opened)["v"] : opened;
        }
        using var reader = new BsonDocumentReader(document);
        return _plain.Value.Deserialize(BsonDeserializationContext.CreateRoot(reader));
    }

    private static PersonalDataProtector Required(PersonalDataProtector? protector) =>
        protector ?? throw new PersonalDataUnreadableException($"Sealed personal data in a {typeof(T).Name} was read, but no Privacy keys are configured.");
}
