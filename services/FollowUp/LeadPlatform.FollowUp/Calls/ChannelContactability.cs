namespace LeadPlatform.FollowUp.Calls;

/// <summary>Whether the lead may be contacted on one channel now, and if not, why in plain words and from when.</summary>
public sealed record ChannelContactability(string Channel, bool Allowed, IReadOnlyList<string> Reasons, DateTimeOffset? NextAllowedAt);
