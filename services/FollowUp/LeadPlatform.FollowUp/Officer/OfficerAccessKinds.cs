namespace LeadPlatform.FollowUp.Officer;

/// <summary>What the officer's pages record in a lead's access log.</summary>
public static class OfficerAccessKinds
{
    /// <summary>The readable evidence view, with the texts of blocked and held drafts.</summary>
    public const string Evidence = "evidence_view";
}
