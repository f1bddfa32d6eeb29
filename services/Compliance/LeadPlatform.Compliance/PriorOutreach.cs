namespace LeadPlatform.Compliance;

/// <summary>An outreach attempt already made to the lead (from the caller's own history), for the frequency cap.</summary>
public sealed record PriorOutreach(OutreachChannel Channel, DateTimeOffset At);
