namespace LeadPlatform.Compliance;

/// <summary>The channels an outreach can go through. A phone call is a script the coordinator reads.</summary>
public enum OutreachChannel
{
    Email = 0,
    Sms = 1,
    Phone = 2,
}
