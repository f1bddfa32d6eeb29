namespace LeadPlatform.Compliance;

/// <summary>
/// The lead's candidate time zones, as the gate's quiet-hours check resolves them (postal code, else the country's one
/// zone, else the phone number's region): for showing the lead's local time beside the clinic's. Empty when unknown.
/// </summary>
public static class LeadTimeZones
{
    public static IReadOnlyList<TimeZoneInfo> For(string? country, string? postalCode, string? phone) =>
        TimeZoneMap.Default.Resolve(country, postalCode, phone)?.Zones ?? [];
}
