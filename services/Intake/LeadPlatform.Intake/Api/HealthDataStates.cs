namespace LeadPlatform.Intake.Api;

/// <summary>
/// The US states whose consumer health data laws require a separate consent before health data is collected:
/// Washington (My Health My Data Act, RCW 19.373), Nevada (SB 370, NRS 603A.400 ff.) and Connecticut (CTDPA as
/// amended by SB 3, 2023). A lead's state comes from the first three digits of the ZIP code (USPS prefixes:
/// WA 980–994, NV 889–898, CT 060–069); a postal code that is not a ZIP code names no state.
/// </summary>
public static class HealthDataStates
{
    /// <summary>ZIP prefix ranges (inclusive) and their state; the form's script gets the same table.</summary>
    public static readonly IReadOnlyList<(int From, int To, string State)> ZipPrefixes =
    [
        (980, 994, "WA"),
        (889, 898, "NV"),
        (60, 69, "CT"),
    ];

    /// <summary>WA, NV or CT when the lead is in the US and the ZIP code is in one of them; otherwise null.</summary>
    public static string? RequiringConsent(string? country, string? postalCode)
    {
        if (!string.Equals(country?.Trim(), "US", StringComparison.OrdinalIgnoreCase) || postalCode is null) return null;
        var zip = postalCode.Trim();
        if (zip.Length < 5 || !zip[..5].All(char.IsAsciiDigit)) return null;
        if (zip.Length > 5 && !(zip.Length == 10 && zip[5] == '-' && zip[6..].All(char.IsAsciiDigit))) return null;
        var prefix = int.Parse(zip[..3], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (from, to, state) in ZipPrefixes)
        {
            if (prefix >= from && prefix <= to) return state;
        }
        return null;
    }
}
