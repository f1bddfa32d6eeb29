namespace LeadPlatform.Storage;

/// <summary>The document changed since it was read. Consumers let the bus retry the message.</summary>
public sealed class ConcurrencyConflictException(string collection, Guid id, long expectedVersion)
    : Exception($"{collection}/{id} is no longer at version {expectedVersion}.");
