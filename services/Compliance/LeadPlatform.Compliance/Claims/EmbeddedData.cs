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
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Deserialises the embedded JSON resource <paramref name="name"/> straight from its UTF-8 stream: no string of it and no
    /// UTF-8 copy of that string. (The claims model is 8 MB of JSON: read as a string it took a 16 MB string and a 32 MiB
    /// pooled buffer for the transcoding, which the shared array pool kept alive for the life of follow-up.)
    /// </summary>
    internal static T ReadJson<T>(string name, string what)
    {
        using var stream = Open(name);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new FormatException($"{what} is empty.");
    }

    private static Stream Open(string name)
    {
        var resource = "LeadPlatform.Compliance." + name;
        return typeof(EmbeddedData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from the compliance assembly.");
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
