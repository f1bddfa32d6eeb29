namespace LeadPlatform.Storage;

/// <summary>The store cannot be used until the process restarts (see <see cref="LiteDbFailure"/>).</summary>
public sealed class StoreFailedException(string message, Exception? inner) : Exception(message, inner);
