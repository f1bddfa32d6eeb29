namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary><c>LiteDb</c> (embedded files, the standalone default) or <c>MongoDb</c>.</summary>
    public string Provider { get; set; } = "MongoDb";

    /// <summary>Where LiteDB files live; by default under the user's local application data.</summary>
    public string? DataFolder { get; set; }

    public string MongoConnectionString { get; set; } = "mongodb://localhost:27017";

    /// <summary>Each service's database is <c>{prefix}-{service}</c>, for example leadplatform-intake.</summary>
    public string MongoDatabasePrefix { get; set; } = "leadplatform";

    /// <summary><see cref="Provider"/> read (any case); a name that is none of them throws, naming the setting and the allowed names.</summary>
    public StorageProvider ProviderKind => StorageProviderNames.Map.Parse(Provider);

    public bool IsLiteDb => ProviderKind == StorageProvider.LiteDb;

    public string ResolveDataFolder() => string.IsNullOrWhiteSpace(DataFolder)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "LeadPlatform")
        : Path.GetFullPath(DataFolder);
}
