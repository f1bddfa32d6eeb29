using LiteDB;

namespace LeadPlatform.Storage.Names;

/// <summary>
/// The one map between an enum used in code and the words outside it, both ways: every value has exactly one name, the
/// word documents, the API's JSON, the pages, the appsettings and the deployment files have always used, so typing the
/// code changes nothing written. Two kinds, each with its own reading:
/// <list type="bullet">
/// <item><see cref="Stored"/>, a vocabulary kept in documents: a name reads back only as written (ordinal); one that is not
/// in the map fails the read with a <see cref="FormatException"/> naming the vocabulary (never a silent default).
/// <see cref="LiteDbFiles.UseNames"/> makes a LiteDB database write and read the names (also inside sealed types);
/// MongoDB does through <see cref="NameMapBsonSerializer{TEnum}"/>, JSON through <see cref="NameMapJsonConverter{TEnum}"/>.</item>
/// <item><see cref="Setting"/>, a configuration setting: read case-insensitively, surrounding spaces ignored, an alias (an
/// older spelling) reads as its value, and anything else is refused with an <see cref="InvalidOperationException"/> that
/// names the setting and the allowed names.</item>
/// </list>
/// Every value of the enum must have a name, or the map itself refuses to be built.
/// </summary>
public sealed class NameMap<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byName;
    private readonly Dictionary<TEnum, string> names = [];
    private readonly bool isSetting;

    private NameMap(string what, IReadOnlyDictionary<TEnum, string> canonical, IReadOnlyDictionary<string, TEnum>? aliases, bool isSetting)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        What = what;
        this.isSetting = isSetting;
        byName = new Dictionary<string, TEnum>(isSetting ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (!canonical.TryGetValue(value, out var name))
                throw new ArgumentException(isSetting ? $"{typeof(TEnum).Name}.{value} has no name for {what}." : $"{typeof(TEnum).Name}.{value} has no stored name.", nameof(canonical));
            names[value] = name;
            byName.Add(name, value);
        }

        foreach (var (alias, value) in aliases ?? new Dictionary<string, TEnum>())
        {
            byName.Add(alias, value);
        }

        Allowed = string.Join(", ", names.Values.SkipLast(1)) + (names.Count > 1 ? " or " : string.Empty) + names.Values.Last();
    }

    /// <summary>A vocabulary kept in documents (<paramref name="vocabulary"/>, for errors: <c>task status</c>), each value with its stored name.</summary>
    public static NameMap<TEnum> Stored(string vocabulary, IReadOnlyDictionary<TEnum, string> stored) => new(vocabulary, stored, null, isSetting: false);

    /// <summary>A configuration setting (<paramref name="setting"/>: its path, e.g. <c>Bus:Transport</c>), each value with its documented name, and older spellings.</summary>
    public static NameMap<TEnum> Setting(string setting, IReadOnlyDictionary<TEnum, string> canonical, IReadOnlyDictionary<string, TEnum>? aliases = null) =>
        new(setting, canonical, aliases, isSetting: true);

    /// <summary>What the names are: the vocabulary (<c>task status</c>) or the setting's path (<c>Bus:Transport</c>).</summary>
    public string What { get; }

    /// <summary>The names, as an error message lists them: <c>RabbitMq or InProcess</c>.</summary>
    public string Allowed { get; }

    /// <summary>Every value, each with its name.</summary>
    public IReadOnlyDictionary<TEnum, string> Names => names;

    public string NameOf(TEnum value) => names.TryGetValue(value, out var name)
        ? name
        : throw new ArgumentOutOfRangeException(nameof(value), value, isSetting ? $"Not a value of {What}." : $"Not a {What}.");

    /// <summary>The value <paramref name="name"/> names, read as the map's kind reads; a setting unset or blank is <paramref name="whenUnset"/> when given.</summary>
    /// <exception cref="FormatException">A stored name that is not in the map.</exception>
    /// <exception cref="InvalidOperationException">A setting's name that is not one of the allowed ones (or unset without a default).</exception>
    public TEnum Parse(string? name, TEnum? whenUnset = null)
    {
        if (isSetting && string.IsNullOrWhiteSpace(name) && whenUnset is { } unset) return unset;
        if (TryParse(name, out var value)) return value;
        throw isSetting
            ? new InvalidOperationException($"{What} '{name}' is unknown: use {Allowed}.")
            : new FormatException($"'{name}' is not a {What}: the stored names are {string.Join(", ", names.Values)}.");
    }

    /// <summary>False when <paramref name="name"/> is none of the names (a request's field: the caller names it in its problem).</summary>
    public bool TryParse(string? name, out TEnum value)
    {
        value = default;
        return name is not null && byName.TryGetValue(isSetting ? name.Trim() : name, out value);
    }

    /// <summary>
    /// The mapper writes the name and reads it back (call before the first document is written or read). For a database's
    /// own mapper use <see cref="LiteDbFiles.UseNames"/>, which also reaches the mapping of sealed types.
    /// </summary>
    public void RegisterIn(BsonMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        mapper.RegisterType<TEnum>(value => new BsonValue(NameOf(value)), bson => Parse(bson.IsString ? bson.AsString : null));
    }
}
