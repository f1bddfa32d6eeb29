using LiteDB;

namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>Opens a service's own LiteDB file under the data folder.</summary>
public static class LiteDbFiles
{
    /// <summary>One mapper for all files: times as UTC BSON dates, dates as ISO strings, enums as strings.</summary>
    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, SerializeNullValues = false, TrimWhitespace = false, EmptyStringToNull = false };
        mapper.RegisterType<DateTimeOffset>(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
        mapper.RegisterType<DateOnly>(
            serialize: value => new BsonValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            deserialize: bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return mapper;
    }

    public static LiteDatabase Open(string dataFolder, string fileName)
    {
        Directory.CreateDirectory(dataFolder);
        var connection = new ConnectionString
        {
            Filename = Path.Combine(dataFolder, fileName),
            Connection = ConnectionType.Direct,
        };
        return new LiteDatabase(connection, CreateMapper());
    }
}
