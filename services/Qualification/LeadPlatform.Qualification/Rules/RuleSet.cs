using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace LeadPlatform.Qualification.Rules;

/// <summary>
/// A versioned qualification rule set: data, not code. The default ships embedded in this assembly
/// (<c>Rules/RuleSets/&lt;version&gt;.json</c>); an operator may supply another as JSON. A rule set is validated and
/// compiled once, when it is loaded; an invalid one is refused with <see cref="InvalidRuleSetException"/>.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class RuleSet
{
    /// <summary>The version of the embedded default rule set.</summary>
    public const string DefaultVersion = "2026-11-24";

    private const string ResourcePrefix = "LeadPlatform.Qualification.Rules.RuleSets.";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<RuleSet> Default = new(() => LoadEmbedded(DefaultVersion));

    private RuleSet(RuleSetDocument document, string contentHash)
    {
        Version = document.Version.Trim();
        Description = document.Description?.Trim() ?? string.Empty;
        ContentHash = contentHash;
        Compiled = new CompiledRules(document);
    }

    /// <summary>For example 2026-11-24; recorded with every decision.</summary>
    public string Version { get; }

    public string Description { get; }

    /// <summary>SHA-256 (lower-case hex) of the JSON as loaded: tells apart two files that claim the same version.</summary>
    public string ContentHash { get; }

    internal CompiledRules Compiled { get; }

    /// <summary>The versions embedded in this assembly, oldest first.</summary>
    public static IReadOnlyList<string> EmbeddedVersions { get; } =
        [.. typeof(RuleSet).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The embedded default rule set (<see cref="DefaultVersion"/>), loaded once.</summary>
    public static RuleSet LoadDefault() => Default.Value;

    /// <summary>An embedded rule set by version.</summary>
    /// <exception cref="ArgumentException">No rule set of that version is embedded.</exception>
    public static RuleSet LoadEmbedded(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        using var stream = OpenEmbedded(version)
            ?? throw new ArgumentException(
                $"No qualification rule set '{version}' is embedded; embedded versions: {string.Join(", ", EmbeddedVersions)}.", nameof(version));
        return FromJson(stream);
    }

    /// <summary>A rule set from JSON text.</summary>
    /// <exception cref="InvalidRuleSetException">The JSON is malformed, does not have the rule-set shape, or its rules are inconsistent.</exception>
    public static RuleSet FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromUtf8(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A rule set from a UTF-8 JSON stream (a file, a resource). The stream is read to its end, not closed.</summary>
    /// <exception cref="InvalidRuleSetException">The JSON is malformed, does not have the rule-set shape, or its rules are inconsistent.</exception>
    public static RuleSet FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return FromUtf8(buffer.ToArray());
    }

    /// <summary>The JSON text of an embedded rule set (for tests and for operators who start a new version from it).</summary>
    internal static string ReadEmbeddedJson(string version)
    {
        using var stream = OpenEmbedded(version) ?? throw new ArgumentException($"No embedded rule set '{version}'.", nameof(version));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public override string ToString() => $"{Version} ({ContentHash[..12]})";

    private static Stream? OpenEmbedded(string version) =>
        typeof(RuleSet).Assembly.GetManifestResourceStream(ResourcePrefix + version + ".json");

    private static RuleSet FromUtf8(byte[] utf8)
    {
        RuleSetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RuleSetDocument>(utf8, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidRuleSetException(null, [Explain(ex)], ex);
        }
        if (document is null) throw new InvalidRuleSetException(null, ["the JSON is null, not a rule set object."]);

        var errors = RuleSetValidator.Validate(document);
        if (errors.Count > 0) throw new InvalidRuleSetException(document.Version, errors);
        return new RuleSet(document, Convert.ToHexStringLower(SHA256.HashData(utf8)));
    }

    /// <summary>The serializer's message, said in the rule set's terms: where (JSON path, line) and what.</summary>
    private static string Explain(JsonException ex)
    {
        var message = ex.Message;
        var pathAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathAt >= 0) message = message[..pathAt];
        message = Regex.Replace(message, @"LeadPlatform\.Qualification\.Rules\.(\w+?)Document", "$1");
        message = message.Replace("System.Nullable`1[System.Int32]", "a whole number", StringComparison.Ordinal)
            .Replace("System.Int32", "a whole number", StringComparison.Ordinal)
            .Replace("System.Boolean", "true or false", StringComparison.Ordinal)
            .Replace("System.String", "a string", StringComparison.Ordinal);
        var path = ex.Path?.TrimStart('$', '.');
        var where = string.IsNullOrEmpty(path) ? "(root)" : path;
        var line = ex.LineNumber is { } l ? $" (line {l + 1})" : "";
        return $"{where}: {message.Trim()}{line}";
    }
}
