using LiteDB;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// The names a stored vocabulary keeps in documents, and back, for an enum used in code (as <c>SettingNames</c> does for
/// settings): every value has exactly one name, the one documents, the API's JSON and the pages have always used, so typing
/// the code changes nothing stored. <see cref="RegisterIn"/> makes a LiteDB mapper write and read those names; MongoDB reads
/// and writes them through <see cref="StoredNameBsonSerializer{TEnum}"/>. A stored name that is not in the map fails the
/// read with a <see cref="FormatException"/> naming the vocabulary (never a silent default).
/// </summary>
public sealed class StoredNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<TEnum, string> names = [];

    /// <param name="vocabulary">What the names are, for errors: <c>task status</c>.</param>
    /// <param name="stored">Each value's stored name.</param>
    public StoredNames(string vocabulary, IReadOnlyDictionary<TEnum, string> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Vocabulary = vocabulary;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (!stored.TryGetValue(value, out var name)) throw new ArgumentException($"{typeof(TEnum).Name}.{value} has no stored name.", nameof(stored));
            names[value] = name;
            byName.Add(name, value);
        }
    }

    public string Vocabulary { get; }

    public IReadOnlyDictionary<TEnum, string> Names => names;

    public string NameOf(TEnum value) => names.TryGetValue(value, out var name)
        ? name
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {Vocabulary}.");

    public TEnum Parse(string? name) => name is not null && byName.TryGetValue(name, out var value)
        ? value
        : throw new FormatException($"'{name}' is not a {Vocabulary}: the stored names are {string.Join(", ", names.Values)}.");

    /// <summary>The mapper writes the stored name and reads it back (call before the first document is written or read).</summary>
    public void RegisterIn(BsonMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        mapper.RegisterType<TEnum>(value => new BsonValue(NameOf(value)), bson => Parse(bson.IsString ? bson.AsString : null));
    }
}
