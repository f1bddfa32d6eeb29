namespace LeadPlatform.Contracts;

/// <summary>
/// An existing lead that may be the same person as a new submission's, and what matched (email, phone). Not certain
/// enough to join the lead: the submission gets its own lead, and a coordinator decides (merge, or keep apart).
/// </summary>
public sealed record PossibleSameLead
{
    public required Guid LeadId { get; init; }
    /// <summary>What matched: email, phone (never the values).</summary>
    public required IReadOnlyList<string> Matched { get; init; }
}
