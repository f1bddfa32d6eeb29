using LeadPlatform.FollowUp.Calls;

namespace LeadPlatform.FollowUp.Calls;

/// <summary>
/// What a coordinator needs before dialling: the number (and its <c>tel:</c> link), the clinic's and the lead's local
/// time, and whether the gate allows a call now (with the reasons and the next allowed time when not).
/// </summary>
public sealed record CallReadinessView(
    string? Phone,
    string? TelUrl,
    string ClinicTime,
    string? LeadLocalTime,
    IReadOnlyList<string> TimeZones,
    bool AllowedNow,
    IReadOnlyList<string> Reasons,
    DateTimeOffset? NextAllowedAt,
    IReadOnlyList<ChannelContactability> Channels);
