namespace LeadPlatform.FollowUp.Storage;

/// <summary>Who started an outreach.</summary>
public static class OutreachKinds
{
    public const string Coordinator = "coordinator";
    public const string Acknowledgement = "acknowledgement";
}
