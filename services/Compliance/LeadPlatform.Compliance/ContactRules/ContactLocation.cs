namespace LeadPlatform.Compliance;

/// <summary>What is known of where the lead is: the address's country and postal code, and the phone number (E.164).</summary>
public sealed record ContactLocation
{
    /// <summary>ISO 3166-1 alpha-2 of the lead's address.</summary>
    public string? Country { get; init; }
    public string? PostalCode { get; init; }
    /// <summary>E.164; its area code names a US state on its own (Florida presumes residence from it).</summary>
    public string? Phone { get; init; }
}
