namespace LeadPlatform.FollowUp.Outreach;

/// <summary>An event arrived before the submission it depends on: the bus retries it.</summary>
public sealed class LeadNotReadyException(Guid leadId, string what) : Exception($"Lead {leadId} is not ready: {what}.");
