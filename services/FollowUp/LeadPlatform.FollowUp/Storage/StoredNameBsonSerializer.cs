using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>A vocabulary enum in MongoDB as its stored name (<see cref="StoredNames{TEnum}"/>), not the enum's own name.</summary>
public sealed class StoredNameBsonSerializer<TEnum>(StoredNames<TEnum> names) : StructSerializerBase<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args) =>
        names.Parse(context.Reader.ReadString());

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, TEnum value) =>
        context.Writer.WriteString(names.NameOf(value));
}
