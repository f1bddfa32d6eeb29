namespace LeadPlatform.FollowUp.Officer;

/// <summary>How many leads of the period were closed as lost for one reason (code and words).</summary>
public sealed record LostReasonCount(string Reason, string Label, int Leads);
