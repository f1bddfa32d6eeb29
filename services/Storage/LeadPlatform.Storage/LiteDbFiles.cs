using LeadPlatform.Storage.Privacy;
using LeadPlatform.Storage.Names;
using LiteDB;

namespace LeadPlatform.Storage;

/// <summary>Opens a service's own LiteDB file under the data folder.</summary>
public static class LiteDbFiles
{
    /// <summary>
    /// One mapper for all files: times as UTC BSON dates, dates as ISO strings, enums as strings; with a protector, the
    /// personal data of <see cref="SealedTypes"/> sealed on write and opened on read (documents written before stay readable).
    /// </summary>
    public static BsonMapper CreateMapper(PersonalDataProtector? protector = null)
    {
        if (protector is null) return CreatePlainMapper();
        var mapper = new SealingMapper(protector);
        Configure(mapper);
        var plain = mapper.NewPlainMapper();
        foreach (var (type, purpose) in SealedTypes.Whole)
        {
            mapper.RegisterType(type,
                serialize: value =>
                {
                    var document = new BsonDocument { [SealedTypes.SealedField] = SealedTypes.Seal(value, type, purpose, protector) };
                    foreach (var (field, key) in SealedTypes.LookupKeysOf(value, protector))
                    {
                        if (key is not null) document[field] = key;
                    }
                    return document;
                },
                deserialize: bson => bson.IsDocument && bson.AsDocument.TryGetValue(SealedTypes.SealedField, out var sealedValue)
                    ? SealedTypes.Open(sealedValue.AsString, type, purpose, protector)
                    : plain.Deserialize(type, bson));
        }
        foreach (var (type, _) in SealedTypes.Whole) LiteDbMaps.Build(plain, type);
        foreach (var (type, purpose, fields) in SealedTypes.OutboxFields) SealFields(mapper, plain, type, purpose, fields);
        return mapper;
    }

    /// <summary>
    /// Seals these string fields of <typeparamref name="T"/> wherever it is stored in this database (a no-op when the
    /// database does not seal personal data). Call it before the first document holding a <typeparamref name="T"/> is read or written.
    /// </summary>
    public static void SealFields<T>(LiteDatabase database, string purpose, params string[] fields)
    {
        if (database.Mapper is SealingMapper mapper) SealFields(mapper, mapper.NewPlainMapper(), typeof(T), purpose, fields);
    }

    /// <summary>
    /// Documents in this database keep <typeparamref name="TEnum"/> as its stored names (<see cref="NameMap{TEnum}"/>),
    /// also inside the types whose fields are sealed (their plain mapping gets the names too, whichever is called first).
    /// </summary>
    public static void UseNames<TEnum>(LiteDatabase database, NameMap<TEnum> names) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(names);
        names.RegisterIn(database.Mapper);
        if (database.Mapper is SealingMapper mapper) mapper.UseNames(names.RegisterIn);
    }

    /// <summary>
    /// A string field is sealed as it is; any other field (a list, a dictionary, a nested object: free text inside) is
    /// sealed as its JSON, and read back from it.
    /// </summary>
    private static void SealFields(SealingMapper mapper, BsonMapper plain, Type type, string purpose, string[] fields)
    {
        var protector = mapper.Protector;
        var structured = fields.Where(f => type.GetProperty(f)?.PropertyType is { } t && t != typeof(string)).ToHashSet(StringComparer.Ordinal);
        mapper.RegisterType(type,
            serialize: value =>
            {
                var document = plain.ToDocument(type, value);
                foreach (var field in fields)
                {
                    if (!document.TryGetValue(field, out var stored) || stored.IsNull) continue;
                    if (structured.Contains(field))
                        document[field] = protector.Protect(JsonSerializer.Serialize(new BsonDocument { ["v"] = stored }), SealedTypes.FieldPurpose(purpose, field));
                    else if (stored.IsString && stored.AsString.Length > 0 && !PersonalDataProtector.IsSealed(stored.AsString))
                        document[field] = protector.Protect(stored.AsString, SealedTypes.FieldPurpose(purpose, field));
                }
                return document;
            },
            deserialize: bson =>
            {
                var document = new BsonDocument();
                foreach (var (name, value) in bson.AsDocument) document[name] = value;
                foreach (var field in fields)
                {
                    if (!document.TryGetValue(field, out var text) || !text.IsString || !PersonalDataProtector.IsSealed(text.AsString)) continue;
                    var opened = protector.Unprotect(text.AsString, SealedTypes.FieldPurpose(purpose, field));
                    document[field] = structured.Contains(field) ? JsonSerializer.Deserialize(opened).AsDocument["v"] : opened;
                }
                return plain.ToObject(type, document);
            });
        LiteDbMaps.Build(plain, type);
    }

    /// <summary>The protector of a database opened by <see cref="Open"/>, or null when its personal data is not sealed.</summary>
    public static PersonalDataProtector? ProtectorOf(LiteDatabase database) => (database.Mapper as SealingMapper)?.Protector;

    public static LiteDatabase Open(string dataFolder, string fileName, PersonalDataProtector? protector = null)
    {
        // Private to the service's user: the folder 0700, the file 0600 (also a file an older version created 0644).
        PrivateFiles.CreateFolder(dataFolder);
        var connection = new ConnectionString
        {
            Filename = Path.Combine(dataFolder, fileName),
            Connection = ConnectionType.Direct,
        };
        var database = new LiteDatabase(connection, CreateMapper(protector));
        PrivateFiles.Restrict(connection.Filename);
        return database;
    }

    private static BsonMapper CreatePlainMapper()
    {
        var mapper = new BsonMapper();
        Configure(mapper);
        return mapper;
    }

    private static void Configure(BsonMapper mapper)
    {
        mapper.EnumAsInteger = false;
        mapper.SerializeNullValues = false;
        mapper.TrimWhitespace = false;
        mapper.EmptyStringToNull = false;
        mapper.RegisterType<DateTimeOffset>(
            serialize: value => new BsonValue(value.UtcDateTime),
            deserialize: bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
        mapper.RegisterType<DateOnly>(
            serialize: value => new BsonValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            deserialize: bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class SealingMapper(PersonalDataProtector protector) : BsonMapper
    {
        // The plain mappers that write what is sealed (and the vocabularies' names, for them too).
        private readonly List<BsonMapper> _plain = [];
        private readonly List<Action<BsonMapper>> _names = [];

        public PersonalDataProtector Protector { get; } = protector;

        public BsonMapper NewPlainMapper()
        {
            lock (_plain)
            {
                var plain = CreatePlainMapper();
                foreach (var register in _names) register(plain);
                _plain.Add(plain);
                return plain;
            }
        }

        public void UseNames(Action<BsonMapper> register)
        {
            lock (_plain)
            {
                _names.Add(register);
                foreach (var plain in _plain) register(plain);
            }
        }
    }
}
