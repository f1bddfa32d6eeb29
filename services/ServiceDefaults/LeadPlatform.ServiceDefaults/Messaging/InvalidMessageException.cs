namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>A message that can never be handled (malformed, missing what it must carry): it goes to the error queue at once, without retries.</summary>
public sealed class InvalidMessageException(string message) : Exception(message);
