namespace LeadPlatform.LoadTool;

/// <summary>A command line the tool cannot run: the message (or none, for --help) and the usage are printed.</summary>
internal sealed class UsageException(string? message) : Exception(message ?? string.Empty);
