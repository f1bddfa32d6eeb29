using LeadPlatform.ServiceDefaults.Configuration;

namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>The names <c>Storage:Provider</c> accepts: <c>MongoDb</c>, <c>LiteDb</c>.</summary>
public static class StorageProviderNames
{
    public static SettingNames<StorageProvider> Map { get; } = new("Storage:Provider",
        new Dictionary<StorageProvider, string> { [StorageProvider.MongoDb] = "MongoDb", [StorageProvider.LiteDb] = "LiteDb" });
}
