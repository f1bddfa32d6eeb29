using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace LeadPlatform.Storage.Names;

/// <summary>A vocabulary enum in MongoDB as its stored name (<see cref="NameMap{TEnum}"/>), not the enum's own name or number.</summary>
public sealed class NameMapBsonSerializer<TEnum>(NameMap<TEnum> names) : StructSerializerBase<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Deserialize(BsonDeserializationContext context, BsonDeserializationArgs args) =>
        names.Parse(context.Reader.ReadString());

    public override void Serialize(BsonSerializationContext context, BsonSerializationArgs args, TEnum value) =>
        context.Writer.WriteString(names.NameOf(value));
}
