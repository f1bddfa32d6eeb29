using LeadPlatform.Storage.Names;

namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>The names <c>Storage:Provider</c> accepts: <c>MongoDb</c>, <c>LiteDb</c>.</summary>
public static class StorageProviderNames
{
    public static NameMap<StorageProvider> Map { get; } = NameMap<StorageProvider>.Setting("Storage:Provider",
        new Dictionary<StorageProvider, string> { [StorageProvider.MongoDb] = "MongoDb", [StorageProvider.LiteDb] = "LiteDb" });
}
