namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// Another lead that may be the same person (intake found a shared email or phone, but not the same email, name and date
/// of birth). Shown to coordinators until one of them merges the two or keeps them apart.
/// </summary>
public sealed class LeadLink
{
    public Guid LeadId { get; set; }
    /// <summary>What matched: email, phone.</summary>
    public List<string> Matched { get; set; } = [];
    public DateTimeOffset Since { get; set; }
    /// <summary>open, kept_apart or merged.</summary>
    public string Status { get; set; } = LinkStatus.Open;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
