namespace LeadPlatform.FollowUp.Storage;

/// <summary>Where a "possible same person" link stands.</summary>
public static class LinkStatus
{
    public const string Open = "open";
    public const string KeptApart = "kept_apart";
    public const string Merged = "merged";
}
