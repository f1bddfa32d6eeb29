namespace LeadPlatform.ServiceDefaults.Configuration;

/// <summary>
/// The names a configuration setting accepts for an enum, and back: <see cref="Parse"/> reads a value case-insensitively
/// (surrounding spaces ignored; an alias reads as its value) and refuses anything else with an error that names the
/// setting and the allowed values; <see cref="NameOf"/> is the canonical name (the one the documentation and the
/// deployment files use). Every value of the enum must have a name, or the map itself refuses to be built.
/// </summary>
public sealed class SettingNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<TEnum, string> names = [];

    /// <param name="setting">The setting's path, e.g. <c>Bus:Transport</c>.</param>
    /// <param name="canonical">Each value's name, as the setting is documented.</param>
    /// <param name="aliases">Other names read as a value (older spellings).</param>
    public SettingNames(string setting, IReadOnlyDictionary<TEnum, string> canonical, IReadOnlyDictionary<string, TEnum>? aliases = null)
    {
        Setting = setting;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (!canonical.TryGetValue(value, out var name)) throw new ArgumentException($"{typeof(TEnum).Name}.{value} has no name for {setting}.", nameof(canonical));
            names[value] = name;
            byName.Add(name, value);
        }

        foreach (var (alias, value) in aliases ?? new Dictionary<string, TEnum>())
        {
            byName.Add(alias, value);
        }

        Allowed = string.Join(", ", names.Values.SkipLast(1)) + (names.Count > 1 ? " or " : string.Empty) + names.Values.Last();
    }

    public string Setting { get; }

    /// <summary>The canonical names, as an error message lists them: <c>RabbitMq or InProcess</c>.</summary>
    public string Allowed { get; }

    /// <summary>Every value, each with its canonical name.</summary>
    public IReadOnlyDictionary<TEnum, string> Names => names;

    /// <summary>The value <paramref name="name"/> names; unset or blank is <paramref name="whenUnset"/> when given.</summary>
    /// <exception cref="InvalidOperationException">The name is not one of the allowed ones (or unset without a default).</exception>
    public TEnum Parse(string? name, TEnum? whenUnset = null)
    {
        if (string.IsNullOrWhiteSpace(name) && whenUnset is { } unset) return unset;
        if (name is not null && byName.TryGetValue(name.Trim(), out var value)) return value;
        throw new InvalidOperationException($"{Setting} '{name}' is unknown: use {Allowed}.");
    }

    public string NameOf(TEnum value) => names.TryGetValue(value, out var name)
        ? name
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a value of {Setting}.");
}
