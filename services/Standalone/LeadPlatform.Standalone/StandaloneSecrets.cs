using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp;
using LeadPlatform.Intake;
using LeadPlatform.ServiceDefaults.Storage;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Privacy;
using Microsoft.Extensions.Configuration;

namespace LeadPlatform.Standalone;

/// <summary>
/// The standalone host's own secrets: made at its first start (the Privacy encryption key and lookup secret, the
/// operator key, intake's person-key secret, follow-up's unsubscribe key) and kept in a JSON configuration file of mode
/// 0600, <c>{Storage:DataFolder}/secrets.json</c> unless <c>Secrets:KeyFile</c> names another place. Anything configured
/// otherwise (appsettings, environment, command line) takes precedence over the file. Rotate a key by adding one under
/// <c>Privacy:EncryptionKeys</c> in the file and pointing <c>Privacy:CurrentKeyId</c> at it (README, "Keys").
/// </summary>
public sealed class StandaloneSecrets
{
    public const string FileName = "secrets.json";

    private StandaloneSecrets(string path, bool created, bool legacy, IReadOnlyDictionary<string, string?> values)
    {
        (Path, Created, KeepsDevelopmentDefaults, Values) = (path, created, legacy, values);
    }

    /// <summary>Where the key file is.</summary>
    public string Path { get; }

    /// <summary>True when this start made the file.</summary>
    public bool Created { get; }

    /// <summary>
    /// True when the file was made for a data folder that already held data sealed with the published development
    /// defaults: it keeps them (so that data, its keyed hashes and the unsubscribe links already sent keep working) until rotated.
    /// </summary>
    public bool KeepsDevelopmentDefaults { get; }

    public IReadOnlyDictionary<string, string?> Values { get; }

    /// <summary>The key file of this configuration (made if missing), and its settings as configuration.</summary>
    public static StandaloneSecrets LoadOrCreate(IConfiguration configuration)
    {
        var dataFolder = (configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions()).ResolveDataFolder();
        var path = string.IsNullOrWhiteSpace(configuration["Secrets:KeyFile"]) ? System.IO.Path.Combine(dataFolder, FileName) : System.IO.Path.GetFullPath(configuration["Secrets:KeyFile"]!);
        var created = false;
        if (!File.Exists(path))
        {
            var existingData = Directory.Exists(dataFolder) && Directory.EnumerateFiles(dataFolder, "*.db").Any();
            Write(path, Generate(existingData));
            created = true;
        }
        PrivateFiles.Restrict(path);
        var values = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build()
            .AsEnumerable().Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        var legacy = values.GetValueOrDefault("Privacy:LookupKeySecret") == PersonalDataProtector.DevelopmentDefaults.LookupSecret;
        return new StandaloneSecrets(path, created, legacy, values);
    }

    private static JsonObject Generate(bool existingData)
    {
        var keyId = "local-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var keys = new JsonObject { [keyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var development = PersonalDataProtector.DevelopmentDefaults;
        if (existingData) keys[PersonalDataProtector.DevelopmentKeyId] = development.KeyBase64; // opens what was sealed before
        return new JsonObject
        {
            ["_about"] = "LeadPlatform standalone secrets, made at the first start. Back this file up with the data folder: without it "
                         + "the personal data in the data folder cannot be read. Rotate: add a key under Privacy:EncryptionKeys, "
                         + "point Privacy:CurrentKeyId at it, keep the old keys (README, \"Keys\").",
            ["Privacy"] = new JsonObject
            {
                ["EncryptionKeys"] = keys,
                ["CurrentKeyId"] = keyId,
                ["LookupKeySecret"] = existingData ? development.LookupSecret : Random(),
                ["OperatorApiKey"] = Random(),
            },
            ["Intake"] = new JsonObject { ["PersonKeySecret"] = existingData ? new IntakeOptions().PersonKeySecret : Random() },
            ["FollowUp"] = new JsonObject { ["UnsubscribeKey"] = existingData ? FollowUpOptions.DevelopmentUnsubscribeKey : Random() },
        };
    }

    private static void Write(string path, JsonObject content)
    {
        PrivateFiles.CreateFolder(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, PrivateFiles.NewFile()))
        {
            JsonSerializer.Serialize(stream, content, new JsonSerializerOptions { WriteIndented = true });
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: false);
    }

    private static string Random() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
