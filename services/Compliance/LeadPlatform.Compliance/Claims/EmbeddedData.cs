using System.Text.Json;

namespace LeadPlatform.Compliance;

/// <summary>Reads the versioned data files compiled into this assembly (no file system, no network).</summary>
internal static class EmbeddedData
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    internal static string Read(string name)
    {
        var resource = "LeadPlatform.Compliance." + name;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from the compliance assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static IEnumerable<string> Names(string prefix)
    {
        var full = "LeadPlatform.Compliance." + prefix;
        return typeof(EmbeddedData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(full, StringComparison.Ordinal))
            .Select(n => n["LeadPlatform.Compliance.".Length..])
            .Order(StringComparer.Ordinal);
    }

    internal static T Deserialize<T>(string json, string what)
        => JsonSerializer.Deserialize<T>(json, Json) ?? throw new FormatException($"{what} is empty.");
}
