namespace LeadPlatform.FollowUp.Audit;

/// <summary>What was read: the dashboard's lead page, the lead API, a held message under review, or the privacy export (operator key).</summary>
public static class LeadAccessKinds
{
    public const string LeadPage = "lead_page";
    public const string LeadApi = "lead_api";
    public const string Export = "export";
    /// <summary>A message held for review, with the lead's name and the text (the review page or API).</summary>
    public const string Review = "review";
}
