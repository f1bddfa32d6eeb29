using PhoneNumbers;

namespace LeadPlatform.Compliance;

internal sealed class TimeZoneMapDocument
{
    public string Version { get; set; } = string.Empty;
    public Dictionary<string, PostalMapDocument> Postal { get; set; } = [];
    public Dictionary<string, string> SingleZone { get; set; } = [];
    public Dictionary<string, List<string>> CountryZones { get; set; } = [];
}

internal sealed class PostalMapDocument
{
    public string Charset { get; set; } = "digits";
    public List<int> Lengths { get; set; } = [];
    public List<PostalRangeDocument> Ranges { get; set; } = [];
}

internal sealed class PostalRangeDocument
{
    public string From { get; set; } = string.Empty;
    public string To { get; set; } = string.Empty;
    public List<string> Zones { get; set; } = [];
}

/// <summary>Where a lead's candidate time zones came from.</summary>
internal sealed record TimeZoneCandidates(IReadOnlyList<TimeZoneInfo> Zones, string Source);

/// <summary>
/// The lead's candidate time zones: from the postal code where the data maps it, else the country when it has one
/// zone, else the phone number's region (libphonenumber), else every zone of the country. Null when nothing is known.
/// Zone ids are IANA ids, resolved with <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>.
/// </summary>
internal sealed class TimeZoneMap
{
    private static readonly Lazy<TimeZoneMap> Defaults = new(() =>
        new TimeZoneMap(EmbeddedData.ReadJson<TimeZoneMapDocument>("timezones.json", "The time-zone map")));

    private readonly TimeZoneMapDocument document;

    private TimeZoneMap(TimeZoneMapDocument document)
    {
        this.document = document;
        Version = document.Version;
    }

    public string Version { get; }

    public static TimeZoneMap Default => Defaults.Value;

    public TimeZoneCandidates? Resolve(string? country, string? postalCode, string? phone)
    {
        var cc = country?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(cc))
        {
            if (!string.IsNullOrWhiteSpace(postalCode) && document.Postal.TryGetValue(cc, out var postal)
                && FromPostal(postal, postalCode) is { } fromPostal
                && Zones(fromPostal) is { } postalZones)
            {
                return new TimeZoneCandidates(postalZones, $"postal:{cc}");
            }

            if (document.SingleZone.TryGetValue(cc, out var single) && Zones([single]) is { } singleZone)
            {
                return new TimeZoneCandidates(singleZone, $"country:{cc}");
            }
        }

        if (FromPhone(phone) is { } phoneZones)
        {
            return phoneZones;
        }

        if (!string.IsNullOrEmpty(cc) && document.CountryZones.TryGetValue(cc, out var all) && Zones(all) is { } countryZones)
        {
            return new TimeZoneCandidates(countryZones, $"country-zones:{cc}");
        }

        return null;
    }

    private static List<string>? FromPostal(PostalMapDocument map, string postalCode)
    {
        var code = new string([.. postalCode.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        var digitsOnly = map.Charset == "digits";
        if (!map.Lengths.Contains(code.Length) || code.Any(c => digitsOnly ? !char.IsAsciiDigit(c) : !char.IsAsciiLetterOrDigit(c)))
        {
            return null;
        }

        foreach (var range in map.Ranges)
        {
            var key = code[..Math.Min(range.From.Length, code.Length)];
            if (string.CompareOrdinal(key, range.From) >= 0 && string.CompareOrdinal(key, range.To) <= 0)
            {
                return range.Zones;
            }
        }

        return null;
    }

    internal static TimeZoneCandidates? FromPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var number = util.Parse(phone, null);
            if (!util.IsValidNumber(number))
            {
                return null;
            }

            var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
            var unknown = mapper.GetUnknownTimeZone();
            var ids = mapper.GetTimeZonesForNumber(number).Where(z => z != unknown).ToList();
            return ids.Count > 0 && Zones(ids) is { } zones
                ? new TimeZoneCandidates(zones, $"phone:+{number.CountryCode}")
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>All zones, or null if any one is unknown to this system (a missing candidate would not be safe).</summary>
    private static List<TimeZoneInfo>? Zones(IEnumerable<string> ids)
    {
        var zones = new List<TimeZoneInfo>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return null;
            }

            zones.Add(zone);
        }

        return zones.Count > 0 ? zones : null;
    }
}
