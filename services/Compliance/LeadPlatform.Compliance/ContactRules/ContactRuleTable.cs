using System.Globalization;
using System.Text.Json;

namespace LeadPlatform.Compliance;

/// <summary>
/// The versioned contact rule table (<c>Resources/contact-rules.json</c>) and the US location data it needs
/// (<c>Resources/us-locations.json</c>: ZIP3 ranges and NANP area codes to states). Validated when loaded: every
/// problem is listed in one <see cref="FormatException"/>, naming the field (<c>rules[2].window.until</c>).
/// </summary>
public sealed class ContactRuleTable
{
    /// <summary>The default row's jurisdiction: a country no <c>country:</c> row names.</summary>
    public const string AnyCountry = "country:*";

    private static readonly Lazy<ContactRuleTable> Defaults = new(() =>
        Parse(EmbeddedData.Read("contact-rules.json"), EmbeddedData.Read("us-locations.json")));

    private static readonly HashSet<string> UsStates = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
    };

    private readonly List<(string From, string To, string State)> zip3;
    private readonly Dictionary<string, string> areaCodes;

    private ContactRuleTable(string version, string locationsVersion, IReadOnlyList<ContactRule> rules,
        List<(string, string, string)> zip3, Dictionary<string, string> areaCodes)
    {
        Version = version;
        LocationsVersion = locationsVersion;
        Rules = rules;
        this.zip3 = zip3;
        this.areaCodes = areaCodes;
    }

    public static ContactRuleTable Default => Defaults.Value;

    /// <summary>
    /// A rule table from counsel's own JSON (same shape as the embedded <c>contact-rules.json</c>), with the embedded US
    /// location data. Validated as the embedded one is.
    /// </summary>
    /// <exception cref="FormatException">Every problem found, each naming its field.</exception>
    public static ContactRuleTable FromJson(string rulesJson) => Parse(rulesJson ?? string.Empty, EmbeddedData.Read("us-locations.json"));

    public string Version { get; }
    public string LocationsVersion { get; }
    public IReadOnlyList<ContactRule> Rules { get; }

    /// <summary>The US state (two letters) of a 5- or 9-digit ZIP code, or null.</summary>
    public string? StateOfZip(string? postalCode)
    {
        var digits = new string([.. (postalCode ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        if (digits.Length is not (5 or 9) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var key = digits[..3];
        foreach (var (from, to, state) in zip3)
        {
            if (string.CompareOrdinal(key, from) >= 0 && string.CompareOrdinal(key, to) <= 0)
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>The US state of a NANP area code (three digits), or null (not US, or not geographic).</summary>
    public string? StateOfAreaCode(string? areaCode)
        => areaCode is { Length: 3 } && areaCodes.TryGetValue(areaCode, out var state) ? state : null;

    internal static ContactRuleTable Parse(string rulesJson, string locationsJson)
    {
        var errors = new List<string>();
        var rules = ParseRules(Read<ContactRulesDocument>(rulesJson, "contact-rules", errors), errors, out var version);
        var locations = Read<UsLocationsDocument>(locationsJson, "us-locations", errors);
        var zip3 = new List<(string, string, string)>();
        var areaCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (locations is not null)
        {
            if (string.IsNullOrWhiteSpace(locations.Version)) errors.Add("us-locations: version is required.");
            var ranges = locations.Zip3 ?? [];
            if (ranges.Count == 0) errors.Add("us-locations: zip3 must list at least one range.");
            for (var i = 0; i < ranges.Count; i++)
            {
                var r = ranges[i];
                var at = $"us-locations: zip3[{i}]";
                if (r is null || !IsDigits(r.From, 3) || !IsDigits(r.To, 3) || string.CompareOrdinal(r.From, r.To) > 0)
                {
                    errors.Add($"{at}: from and to must be three digits with from <= to.");
                    continue;
                }

                if (r.State is null || !UsStates.Contains(r.State))
                {
                    errors.Add($"{at}.state: '{r.State}' is not a US state or territory code.");
                    continue;
                }

                foreach (var (from, to, _) in zip3)
                {
                    if (string.CompareOrdinal(r.From, to) <= 0 && string.CompareOrdinal(from, r.To) <= 0)
                    {
                        errors.Add($"{at}: {r.From}-{r.To} overlaps {from}-{to}.");
                    }
                }

                zip3.Add((r.From!, r.To!, r.State));
            }

            foreach (var (code, state) in locations.AreaCodes ?? [])
            {
                if (!IsDigits(code, 3) || code[0] is '0' or '1')
                {
                    errors.Add($"us-locations: areaCodes.{code}: not a NANP area code (three digits, not starting with 0 or 1).");
                }
                else if (state is null || !UsStates.Contains(state))
                {
                    errors.Add($"us-locations: areaCodes.{code}: '{state}' is not a US state or territory code.");
                }
                else
                {
                    areaCodes[code] = state;
                }
            }

            if (areaCodes.Count == 0) errors.Add("us-locations: areaCodes must list at least one area code.");
        }

        if (errors.Count > 0)
        {
            throw new FormatException("The contact rule table is not valid:\n- " + string.Join("\n- ", errors));
        }

        return new ContactRuleTable(version!, locations!.Version!, rules, zip3, areaCodes);
    }

    private static List<ContactRule> ParseRules(ContactRulesDocument? document, List<string> errors, out string? version)
    {
        version = document?.Version;
        var rules = new List<ContactRule>();
        if (document is null)
        {
            return rules;
        }

        if (string.IsNullOrWhiteSpace(document.Version)) errors.Add("contact-rules: version is required.");
        var rows = document.Rules ?? [];
        if (rows.Count == 0) errors.Add("contact-rules: rules must list at least one rule.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"contact-rules: rules[{i}]";
            var row = rows[i];
            if (row is null)
            {
                errors.Add($"{at}: is null.");
                continue;
            }

            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(row.Id)) errors.Add($"{at}.id: is required.");
            else if (!ids.Add(row.Id)) errors.Add($"{at}.id: '{row.Id}' is used twice.");
            if (string.IsNullOrWhiteSpace(row.Version)) errors.Add($"{at}.version: is required.");
            if (string.IsNullOrWhiteSpace(row.Title)) errors.Add($"{at}.title: is required.");
            if (string.IsNullOrWhiteSpace(row.Source)) errors.Add($"{at}.source: is required (the statute section or policy the rule comes from).");

            var jurisdictions = row.Jurisdictions ?? [];
            if (jurisdictions.Count == 0) errors.Add($"{at}.jurisdictions: at least one is required.");
            foreach (var j in jurisdictions)
            {
                if (!ValidJurisdiction(j)) errors.Add($"{at}.jurisdictions: '{j}' is not country:XX, country:* or state:US-XX.");
            }

            var channels = new List<OutreachChannel>();
            foreach (var c in row.Channels ?? [])
            {
                if (ChannelPolicy.TryParse(c, out var policy)) channels.Add(policy.Channel);
                else errors.Add($"{at}.channels: '{c}' is not sms, phone or email.");
            }

            if (channels.Count == 0) errors.Add($"{at}.channels: at least one is required.");

            TimeOnly? from = null, until = null;
            var days = new Dictionary<DayOfWeek, ContactDayWindow>();
            if (row.Window is { } window)
            {
                from = Time(window.From, $"{at}.window.from", errors);
                until = Time(window.Until, $"{at}.window.until", errors);
                if (from is { } f && until is { } u && f >= u) errors.Add($"{at}.window: from ({f:HH\\:mm}) must be before until ({u:HH\\:mm}).");
                days = Days(window.Days, $"{at}.window.days", errors);
            }

            int? max = null;
            TimeSpan? span = null;
            if (row.Frequency is { } frequency)
            {
                if (frequency.Max is not ({ } m and >= 1)) errors.Add($"{at}.frequency.max: must be at least 1.");
                else max = m;
                if (frequency.WindowHours is not ({ } h and > 0 and <= 24 * 31)) errors.Add($"{at}.frequency.windowHours: must be more than 0 and at most 744.");
                else span = TimeSpan.FromHours(h);
            }

            if (row.Window is null && row.Frequency is null) errors.Add($"{at}: needs a window, a frequency limit, or both.");
            if (errors.Count > before) continue;
            rules.Add(new ContactRule
            {
                Id = row.Id!.Trim(),
                Version = row.Version!.Trim(),
                Title = row.Title!.Trim(),
                Source = row.Source!.Trim(),
                Jurisdictions = [.. jurisdictions.Select(j => j!)],
                Channels = channels,
                WindowFrom = from,
                WindowUntil = until,
                Days = days,
                FrequencyMax = max,
                FrequencyWindow = span,
            });
        }

        var defaults = rows.Count(r => r?.Jurisdictions?.Contains(AnyCountry) == true);
        if (defaults != 1) errors.Add($"contact-rules: exactly one rule must apply to '{AnyCountry}' (the default row for other countries); found {defaults}.");
        return rules;
    }

    private static T? Read<T>(string json, string what, List<string> errors) where T : class
    {
        try
        {
            var document = JsonSerializer.Deserialize<T>(json, EmbeddedData.Json);
            if (document is null) errors.Add($"{what}: is empty.");
            return document;
        }
        catch (JsonException e)
        {
            errors.Add($"{what}: not valid JSON at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
            return null;
        }
    }

    private static bool ValidJurisdiction(string? j) => j switch
    {
        AnyCountry => true,
        { Length: 10 } when j.StartsWith("country:", StringComparison.Ordinal) => j[8..].All(char.IsAsciiLetterUpper),
        { Length: 11 } when j.StartsWith("state:US-", StringComparison.Ordinal) => UsStates.Contains(j[9..]),
        _ => false,
    };

    private static TimeOnly? Time(string? text, string at, List<string> errors)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        errors.Add($"{at}: '{text}' is not a time (HH:mm).");
        return null;
    }

    private static readonly Dictionary<string, DayOfWeek[]> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = [DayOfWeek.Monday], ["tuesday"] = [DayOfWeek.Tuesday], ["wednesday"] = [DayOfWeek.Wednesday],
        ["thursday"] = [DayOfWeek.Thursday], ["friday"] = [DayOfWeek.Friday], ["saturday"] = [DayOfWeek.Saturday], ["sunday"] = [DayOfWeek.Sunday],
        ["weekdays"] = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        ["weekend"] = [DayOfWeek.Saturday, DayOfWeek.Sunday],
    };

    /// <summary>A window's days with other hours; a named day wins over <c>weekdays</c> / <c>weekend</c>.</summary>
    private static Dictionary<DayOfWeek, ContactDayWindow> Days(Dictionary<string, ContactDayWindowDocument?>? days, string at, List<string> errors)
    {
        var result = new Dictionary<DayOfWeek, ContactDayWindow>();
        foreach (var (name, day) in (days ?? []).OrderBy(d => DayNames.TryGetValue(d.Key, out var list) ? -list.Length : 0))
        {
            var where = $"{at}.{name}";
            if (!DayNames.TryGetValue(name, out var which))
            {
                errors.Add($"{where}: '{name}' is not a day (monday..sunday, weekdays or weekend).");
                continue;
            }

            ContactDayWindow window;
            if (day is null || day.Closed == true)
            {
                if (day?.From is not null || day?.Until is not null) errors.Add($"{where}: a closed day has no from or until.");
                window = new ContactDayWindow { Closed = true };
            }
            else
            {
                var from = Time(day.From, $"{where}.from", errors);
                var until = Time(day.Until, $"{where}.until", errors);
                if (from is { } f && until is { } u && f >= u) errors.Add($"{where}: from ({f:HH\\:mm}) must be before until ({u:HH\\:mm}).");
                window = new ContactDayWindow { From = from, Until = until };
            }

            foreach (var d in which) result[d] = window;
        }

        return result;
    }

    private static bool IsDigits(string? s, int length) => s is not null && s.Length == length && s.All(char.IsAsciiDigit);
}
