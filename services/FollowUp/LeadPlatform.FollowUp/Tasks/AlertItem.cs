namespace LeadPlatform.FollowUp.Tasks;

/// <summary>A lead just assigned to the signed-in coordinator: first name, tier and the link only (no health details).</summary>
public sealed record AlertItem(Guid TaskId, Guid LeadId, string FirstName, string Tier, string Url, DateTimeOffset AssignedAt, bool Reoffered);
