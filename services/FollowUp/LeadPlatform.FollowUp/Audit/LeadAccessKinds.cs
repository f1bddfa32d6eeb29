namespace LeadPlatform.FollowUp.Audit;

/// <summary>What was read: the dashboard's lead page, the lead API, or the privacy export (operator key).</summary>
public static class LeadAccessKinds
{
    public const string LeadPage = "lead_page";
    public const string LeadApi = "lead_api";
    public const string Export = "export";
}
