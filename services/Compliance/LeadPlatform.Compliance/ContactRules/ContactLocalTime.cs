namespace LeadPlatform.Compliance;

/// <summary>An instant as the clock shows it in one of the lead's candidate time zones.</summary>
public sealed record ContactLocalTime(string ZoneId, DateTimeOffset LocalTime);
