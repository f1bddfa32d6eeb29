using System.Globalization;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>One row of the contact rule table as the API and the read-only page show it.</summary>
public sealed record ContactRuleView(
    string Id,
    string Version,
    string Key,
    string Title,
    string Source,
    string Verification,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<string> Channels,
    string? WindowFrom,
    string? WindowUntil,
    int? FrequencyMax,
    double? FrequencyWindowHours)
{
    public static ContactRuleView From(ContactRule r) => new(r.Id, r.Version, r.Key, r.Title, r.Source, r.Verification, r.Jurisdictions,
        [.. r.Channels.Select(ChannelNames.Of)], r.WindowFrom?.ToString("HH:mm", CultureInfo.InvariantCulture), r.WindowUntil?.ToString("HH:mm", CultureInfo.InvariantCulture),
        r.FrequencyMax, r.FrequencyWindow?.TotalHours);
}
