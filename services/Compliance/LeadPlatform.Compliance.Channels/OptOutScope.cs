namespace LeadPlatform.Compliance;

/// <summary>What an opt-out covers: one channel, or every channel.</summary>
public enum OptOutScope
{
    Email = 0,
    Sms = 1,
    Phone = 2,
    All = 3,
}
