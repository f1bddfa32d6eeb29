using PhoneNumbers;

namespace LeadPlatform.Compliance;

/// <summary>
/// Pure evaluation of the contact rule table for one call, text or email: no I/O, time passed in.
/// <list type="number">
/// <item>Jurisdictions: the address's country (else the phone's), every US state the ZIP code and the phone's area code
/// point to (both when they differ), and the phone's own country.</item>
/// <item>Rules: every row for those jurisdictions and the channel; a country no row names gets the <c>country:*</c> row.</item>
/// <item>Window: the latest <c>from</c> and earliest <c>until</c> of those rules, which must hold in every candidate time zone
/// of the lead (from the postal code and from the phone) at once; daylight-saving days are computed with each zone's real
/// offset. Frequency: every limit must hold, counting every prior outbound call and text (acknowledgement included).</item>
/// <item>Fail closed: no location, or no time zone, for a channel a window governs blocks with the reason.</item>
/// </list>
/// </summary>
public sealed class ContactRuleEvaluator
{
    /// <summary>The pseudo-rule that decides when the lead's location or time zone is unknown.</summary>
    public const string LocationUnknownRule = "contact.location-unknown";

    /// <summary>The pseudo-rule that decides when the prior outbound calls and texts are unknown.</summary>
    public const string HistoryUnknownRule = "contact.history-unknown";

    private static readonly string[] UsFamily = ["US", "PR", "VI", "GU", "AS", "MP"];
    private readonly ContactRuleTable table;

    public ContactRuleEvaluator(ContactRuleTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        this.table = table;
    }

    public static ContactRuleEvaluator Default { get; } = new(ContactRuleTable.Default);

    public ContactRuleTable Table => table;

    public ContactEvaluation Evaluate(OutreachChannel channel, ContactLocation? location, IReadOnlyList<PriorOutreach>? priorOutbound, DateTimeOffset now)
    {
        location ??= new ContactLocation();
        var jurisdictions = Jurisdictions(location, out var sources);
        var applied = Applicable(channel, jurisdictions);
        var keys = applied.Select(r => r.Key).ToList();
        ContactEvaluation Result(bool allowed, string? decidedBy, string reason) => new()
        {
            Allowed = allowed,
            Channel = channel,
            DecidedBy = decidedBy,
            Reason = reason,
            AppliedRules = keys,
            Jurisdictions = sources,
            TableVersion = table.Version,
        };

        var timeBound = ChannelPolicy.TryFor(channel, out var policy) && policy.ContactRulesApply;
        if (jurisdictions.Count == 0)
        {
            return timeBound
                ? Result(false, LocationUnknownRule + "@" + table.Version, "The lead's location is unknown (no country, postal code or valid phone number): record it before texting or calling.")
                : Result(true, null, "No contact rule governs this channel.");
        }

        if (applied.Count == 0)
        {
            return Result(true, null, "No contact rule governs this channel here.");
        }

        // Frequency limits: each must hold; the one lifting last decides.
        if (priorOutbound is null)
        {
            return Result(false, HistoryUnknownRule + "@" + table.Version, "The lead's outreach history is unknown: pass every prior outbound call and text.");
        }

        ContactRule? capRule = null;
        DateTimeOffset? capLifts = null;
        var capCount = 0;
        foreach (var rule in applied.Where(r => r.FrequencyMax is not null))
        {
            var start = now - rule.FrequencyWindow!.Value;
            var attempts = priorOutbound
                .Where(p => p is not null && ChannelPolicy.TryFor(p.Channel, out var prior) && prior.ContactRulesApply && p.At > start)
                .Select(p => p.At).Order().ToList();
            if (attempts.Count >= rule.FrequencyMax!.Value)
            {
                var lifts = attempts[attempts.Count - rule.FrequencyMax.Value] + rule.FrequencyWindow.Value;
                if (capLifts is null || lifts > capLifts)
                {
                    (capRule, capLifts, capCount) = (rule, lifts, attempts.Count);
                }
            }
        }

        // Window: the strictest bounds of every rule that has one.
        var windowed = applied.Where(r => r.HasWindow).ToList();
        if (windowed.Count == 0)
        {
            return capRule is null
                ? Result(true, applied[0].Key, "Allowed: no contact window applies.")
                : Timing(Result(false, capRule.Key, CapReason(capRule, capCount)) with { OverFrequencyLimit = true }, capLifts!.Value, []);
        }

        // Per day of the week (a rule may have other hours on some days, or none): the latest from and earliest until.
        (TimeOnly Open, TimeOnly Close)? HoursOn(DayOfWeek day) => Strictest(windowed, day);
        var zones = Zones(location);
        if (zones.Count == 0)
        {
            return Result(false, LocationUnknownRule + "@" + table.Version,
                "The lead's time zone is unknown: record a country and postal code, or a valid phone number, before texting or calling.");
        }

        var zoneIds = zones.Select(z => z.Id).ToList();
        var strictest = windowed.OrderBy(r => r.WindowUntil!.Value - r.WindowFrom!.Value).ThenBy(r => r.WindowUntil).First();
        // The hours of the lead's local day now (in the first candidate zone), for the reasons and the evidence.
        var localDay = TimeZoneInfo.ConvertTime(now, zones[0]).DayOfWeek;
        var today = HoursOn(localDay);
        var (from, until) = today ?? (windowed.Max(r => r.WindowFrom!.Value), windowed.Min(r => r.WindowUntil!.Value));
        if (!Enum.GetValues<DayOfWeek>().Any(d => HoursOn(d) is not null))
        {
            return Result(false, strictest.Key, "The rules that apply here share no contact hours.") with { TimeZones = zoneIds };
        }

        var (inside, windowStart, _) = QuietHoursWindow.Evaluate(zones, now, HoursOn);
        if (windowStart is null)
        {
            return Result(false, strictest.Key,
                $"The lead's candidate time zones ({string.Join(", ", zoneIds)}) share no {from:HH\\:mm}-{until:HH\\:mm} hours: record the postal code to narrow them down.")
                with { TimeZones = zoneIds, WindowFrom = from, WindowUntil = until };
        }

        if (inside && capRule is null)
        {
            return Result(true, strictest.Key, $"Allowed: inside {from:HH\\:mm}-{until:HH\\:mm} ({localDay}) in {string.Join(", ", zoneIds)}.")
                with { TimeZones = zoneIds, WindowFrom = from, WindowUntil = until };
        }

        // Blocked by timing: the earliest moment inside the window once every limit has lifted.
        var after = capLifts is { } l && l > now ? l : now;
        var (openThen, nextStart, _) = QuietHoursWindow.Evaluate(zones, after, HoursOn);
        var next = openThen ? after : nextStart!.Value;
        ContactEvaluation blocked;
        if (!inside)
        {
            // The rule whose own window excludes now, the narrowest first; else (several zones) the strictest.
            var binding = windowed.OrderBy(r => r.WindowUntil!.Value - r.WindowFrom!.Value)
                .FirstOrDefault(r => !QuietHoursWindow.Evaluate(zones, now, day => r.WindowOn(day)).Allowed) ?? strictest;
            blocked = Result(false, binding.Key, today is null
                ? $"No contact on {localDay} in the lead's local time ({string.Join(", ", zoneIds)}; {binding.Title})."
                : $"Outside {from:HH\\:mm}-{until:HH\\:mm} ({localDay}) in the lead's local time ({string.Join(", ", zoneIds)}; {binding.Title}).");
        }
        else
        {
            blocked = Result(false, capRule!.Key, CapReason(capRule, capCount));
        }

        return Timing(blocked with { TimeZones = zoneIds, WindowFrom = from, WindowUntil = until, OutsideWindow = !inside, OverFrequencyLimit = capRule is not null }, next, zones);
    }

    /// <summary>The strictest hours of <paramref name="rules"/> on <paramref name="day"/>: latest from, earliest until; null when any is closed or they share none.</summary>
    private static (TimeOnly Open, TimeOnly Close)? Strictest(IReadOnlyList<ContactRule> rules, DayOfWeek day)
    {
        TimeOnly? from = null, until = null;
        foreach (var rule in rules)
        {
            if (rule.WindowOn(day) is not var (f, u)) return null;
            from = from is { } a && a > f ? a : f;
            until = until is { } b && b < u ? b : u;
        }

        return from is { } open && until is { } close && open < close ? (open, close) : null;
    }

    private static ContactEvaluation Timing(ContactEvaluation blocked, DateTimeOffset next, IReadOnlyList<TimeZoneInfo> zones) => blocked with
    {
        BlockedByTimingOnly = true,
        NextAllowedAt = next,
        NextAllowedLocal = [.. zones.Select(z => new ContactLocalTime(z.Id, TimeZoneInfo.ConvertTime(next, z)))],
    };

    private static string CapReason(ContactRule rule, int count)
        => $"{count} outbound calls and texts in the last {rule.FrequencyWindow!.Value.TotalHours:0.#} h: at most {rule.FrequencyMax} ({rule.Title}).";

    private List<ContactRule> Applicable(OutreachChannel channel, IReadOnlyCollection<string> jurisdictions)
    {
        var rules = new List<ContactRule>();
        foreach (var j in jurisdictions)
        {
            var matching = table.Rules.Where(r => r.Jurisdictions.Contains(j)).ToList();
            if (matching.Count == 0 && j.StartsWith("country:", StringComparison.Ordinal))
            {
                matching = [.. table.Rules.Where(r => r.Jurisdictions.Contains(ContactRuleTable.AnyCountry))];
            }

            rules.AddRange(matching.Where(r => r.Channels.Contains(channel)));
        }

        return [.. rules.Distinct()];
    }

    /// <summary>The jurisdiction keys, and the same with where each came from (for the evidence).</summary>
    private List<string> Jurisdictions(ContactLocation location, out List<string> sources)
    {
        var found = new List<string>();
        var from = new List<string>();
        sources = from;
        void Add(string key, string source)
        {
            if (!found.Contains(key)) found.Add(key);
            from.Add($"{key} ({source})");
        }

        var country = location.Country?.Trim().ToUpperInvariant();
        if (country is { Length: 2 } && country.All(char.IsAsciiLetterUpper))
        {
            Add("country:" + country, "address");
            if (country == "US" && table.StateOfZip(location.PostalCode) is { } zipState)
            {
                Add("state:US-" + zipState, "postal code");
            }
        }

        if (Phone(location.Phone) is { } phone)
        {
            Add("country:" + phone.Region, "phone number");
            if (phone.AreaState is { } areaState)
            {
                Add("state:US-" + areaState, "phone area code");
            }
        }

        return found;
    }

    private (string Region, string? AreaState)? Phone(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164))
        {
            return null;
        }

        try
        {
            var util = PhoneNumberUtil.GetInstance();
            var number = util.Parse(e164, null);
            if (!util.IsValidNumber(number) || util.GetRegionCodeForNumber(number) is not { Length: 2 } region)
            {
                return null;
            }

            var areaState = number.CountryCode == 1 && UsFamily.Contains(region)
                ? table.StateOfAreaCode(number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)[..3])
                : null;
            return (region, areaState);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The address's zones (postal code, else country, else phone) and the phone's own zones where the phone says something
    /// the address does not: a number of another country, or a NANP area code (a place of its own, where the lead may
    /// be: Florida presumes residence from it). A mobile number of the address's own country adds nothing: it names only
    /// the country, and its every zone would narrow the window for nothing.
    /// </summary>
    private List<TimeZoneInfo> Zones(ContactLocation location)
    {
        var zones = new List<TimeZoneInfo>();
        var fromAddress = TimeZoneMap.Default.Resolve(location.Country, location.PostalCode, location.Phone);
        var phone = Phone(location.Phone);
        var country = location.Country?.Trim().ToUpperInvariant();
        var phoneAddsAPlace = phone is { } p && (p.AreaState is not null || !string.Equals(p.Region, country, StringComparison.Ordinal));
        var fromPhone = fromAddress is null || phoneAddsAPlace ? TimeZoneMap.FromPhone(location.Phone) : null;
        foreach (var zone in (fromAddress?.Zones ?? []).Concat(fromPhone?.Zones ?? []))
        {
            if (!zones.Any(z => z.Id == zone.Id)) zones.Add(zone);
        }

        return zones;
    }
}
