namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>A call script the gate issued: what to say, and the disclaimer to read aloud and confirm.</summary>
public sealed record CallScript(Guid OutreachId, string Message, string Disclaimer);
