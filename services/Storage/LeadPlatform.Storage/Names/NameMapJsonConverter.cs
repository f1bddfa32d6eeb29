using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadPlatform.Storage.Names;

/// <summary>
/// A vocabulary enum in JSON as its stored name (<see cref="NameMap{TEnum}"/>): a small sealed subclass per enum, named
/// on the enum with <see cref="JsonConverterAttribute"/>, so every serializer writes the same word the documents hold (the
/// API, whose snake_case enum names are the same words, and exports written with plain web options, which would write numbers).
/// </summary>
public abstract class NameMapJsonConverter<TEnum>(NameMap<TEnum> names) : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && names.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"Not a {names.What}: the names are {string.Join(", ", names.Names.Values)}.");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(names.NameOf(value));
    }
}
