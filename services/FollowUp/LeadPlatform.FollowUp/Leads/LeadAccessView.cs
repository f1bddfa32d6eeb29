namespace LeadPlatform.FollowUp.Leads;

/// <summary>One reading of a lead's personal data: when, who (as shown, and the account id or token), and what was read.</summary>
public sealed record LeadAccessView(DateTimeOffset At, string Actor, string? ActorId, string What);
