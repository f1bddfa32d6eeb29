namespace LeadPlatform.ServiceDefaults.Storage;

/// <summary>Where the services keep their documents (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>MongoDB: one database per service.</summary>
    MongoDb = 0,

    /// <summary>LiteDB: embedded files under the data folder (the standalone default).</summary>
    LiteDb = 1,
}
