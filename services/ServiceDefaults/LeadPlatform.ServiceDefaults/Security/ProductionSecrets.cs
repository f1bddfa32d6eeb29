using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LeadPlatform.ServiceDefaults.Security;

/// <summary>
/// A distributed host refuses to start outside <c>Development</c> when a secret it needs is missing, too short, a
/// placeholder (<c>REPLACE-ME</c>, <c>change-me…</c>), has almost no distinct characters (repeated bytes, all-zero keys),
/// or is a value published in this repository (<see cref="PublishedSecrets"/>). The message names every such setting
/// and how to make a good one.
/// </summary>
public static class ProductionSecrets
{
    public const string HowToMake = "make one with `openssl rand -base64 32`";

    /// <summary>What every service seals personal data with: its AES keys and the secret of its keyed hashes.</summary>
    public static readonly SecretRule[] Privacy =
    [
        new("Privacy:EncryptionKeys:*", 32, AesKey: true),
        new("Privacy:LookupKeySecret", 32),
        new("Privacy:OperatorApiKey", 16, Required: false),
        SecretRule.PasswordIn("Bus:RabbitMqUri"),
        SecretRule.PasswordIn("Storage:MongoConnectionString"),
    ];

    private static readonly string[] Placeholders =
        ["replace-me", "replace_me", "replaceme", "change-me", "change_me", "changeme", "development-only", "placeholder", "your-secret", "secret-here"];

    /// <summary>Throws, naming each unsafe setting, unless the host runs in <c>Development</c>.</summary>
    public static WebApplicationBuilder RequireProductionSecrets(this WebApplicationBuilder builder, string service, params IEnumerable<SecretRule>[] rules)
    {
        if (builder.Environment.IsDevelopment()) return builder;
        var problems = Problems(builder.Configuration, rules.SelectMany(r => r));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{service} refuses to start in the {builder.Environment.EnvironmentName} environment with unsafe secrets:{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => $"  - {p}"))
                + $"{Environment.NewLine}Set each (in the environment: the key with __ for :, e.g. Privacy__LookupKeySecret) to a new random value: {HowToMake}"
                + " (an AES key: exactly that, 32 bytes in base64). Every setting: deploy/README.md, \"Settings\". To try a host on a laptop, run it with ASPNETCORE_ENVIRONMENT=Development.");
        }
        return builder;
    }

    /// <summary>Every unsafe setting among these rules, in words (no secret values, only their names).</summary>
    public static List<string> Problems(IConfiguration configuration, IEnumerable<SecretRule> rules)
    {
        var problems = new List<string>();
        foreach (var rule in rules)
        {
            if (rule.UriPassword is not null)
            {
                var uri = configuration[rule.UriPassword];
                if (uri is not null && UriPassword(uri) is { } password && IsPlaceholder(password))
                    problems.Add($"{rule.UriPassword}: its password is a placeholder");
                continue;
            }
            var star = rule.Key.IndexOf(":*", StringComparison.Ordinal);
            var values = star < 0
                ? [(Key: rule.Key, Value: configuration[rule.Key])]
                : configuration.GetSection(rule.Key[..star]).GetChildren()
                    .Select(c => (Key: c.Path + rule.Key[(star + 2)..], Value: configuration[c.Path + rule.Key[(star + 2)..]]))
                    .Where(v => v.Value is not null || star + 2 < rule.Key.Length).ToList();
            if (star >= 0 && rule.Required && values.Count == 0)
            {
                problems.Add($"{rule.Key[..star]}: not set (it needs at least one, e.g. {rule.Key.Replace("*", "k1", StringComparison.Ordinal)})");
                continue;
            }
            foreach (var (key, value) in values)
            {
                if (string.IsNullOrEmpty(value))
                {
                    if (rule.Required) problems.Add($"{key}: not set");
                    continue;
                }
                if ((rule.AesKey ? WhyUnsafeAesKey(value) : WhyUnsafe(value, rule.MinLength)) is { } why) problems.Add($"{key}: {why}");
            }
        }
        return problems;
    }

    /// <summary>Why a text secret is unsafe, or null.</summary>
    public static string? WhyUnsafe(string value, int minLength)
    {
        if (IsPlaceholder(value)) return "a placeholder, not a secret";
        if (PublishedSecrets.Contains(value)) return "a value published in the LeadPlatform repository (an example or a development default)";
        if (value.Length < minLength) return $"too short ({value.Length} characters; at least {minLength})";
        if (value.Distinct().Count() < 8) return "too few distinct characters (repeated characters are not a secret)";
        return null;
    }

    /// <summary>Why a base64 AES-256 key is unsafe, or null.</summary>
    public static string? WhyUnsafeAesKey(string base64)
    {
        if (IsPlaceholder(base64)) return "a placeholder, not a key";
        if (PublishedSecrets.Contains(base64)) return "a key published in the LeadPlatform repository (an example or the development key)";
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return "not base64";
        }
        if (key.Length != 32) return $"{key.Length} bytes; an AES-256 key is 32";
        if (key.Distinct().Count() < 16) return "repeated bytes (all zeros, all ones…): not a random key";
        return null;
    }

    public static bool IsPlaceholder(string value) =>
        Placeholders.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase));

    private static string? UriPassword(string uri)
    {
        if (!Uri.TryCreate(uri.Split(',')[0], UriKind.Absolute, out var parsed) || parsed.UserInfo.Length == 0) return null;
        var parts = parsed.UserInfo.Split(':', 2);
        return parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : null;
    }

    internal static string Digest(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
