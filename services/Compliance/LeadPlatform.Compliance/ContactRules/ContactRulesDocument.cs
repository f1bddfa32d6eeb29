namespace LeadPlatform.Compliance;

internal sealed class ContactRulesDocument
{
    public string? Version { get; set; }
    public string? Notes { get; set; }
    public List<ContactRuleDocument?>? Rules { get; set; }
}

internal sealed class ContactRuleDocument
{
    public string? Id { get; set; }
    public string? Version { get; set; }
    public string? Title { get; set; }
    public string? Source { get; set; }
    public List<string?>? Jurisdictions { get; set; }
    public List<string?>? Channels { get; set; }
    public ContactWindowDocument? Window { get; set; }
    public ContactFrequencyDocument? Frequency { get; set; }
}

internal sealed class ContactWindowDocument
{
    public string? From { get; set; }
    public string? Until { get; set; }
    /// <summary>Days with other hours: <c>monday</c>..<c>sunday</c>, <c>weekdays</c> or <c>weekend</c> → hours or closed.</summary>
    public Dictionary<string, ContactDayWindowDocument?>? Days { get; set; }
}

internal sealed class ContactDayWindowDocument
{
    public bool? Closed { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
}

internal sealed class ContactFrequencyDocument
{
    public int? Max { get; set; }
    public double? WindowHours { get; set; }
}

internal sealed class UsLocationsDocument
{
    public string? Version { get; set; }
    public string? Notes { get; set; }
    public List<Zip3RangeDocument?>? Zip3 { get; set; }
    public Dictionary<string, string?>? AreaCodes { get; set; }
}

internal sealed class Zip3RangeDocument
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? State { get; set; }
}
