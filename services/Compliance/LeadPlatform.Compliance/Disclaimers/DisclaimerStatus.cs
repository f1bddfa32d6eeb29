namespace LeadPlatform.Compliance;

/// <summary>Whether the clinic has approved a disclaimer's wording.</summary>
public static class DisclaimerStatus
{
    public const string Approved = "approved";

    /// <summary>Careful wording shipped for the clinic to approve; attached meanwhile (better than sending nothing).</summary>
    public const string Draft = "draft";
}
