namespace LeadPlatform.Compliance;

/// <summary>Result of <see cref="EvidenceChain.Verify"/>: intact, or the first broken link and why.</summary>
public sealed record EvidenceChainVerification
{
    public required bool IsIntact { get; init; }
    public required int RecordCount { get; init; }
    /// <summary>Index (0-based, in the order given) of the first record that fails; null when intact.</summary>
    public int? FirstBrokenIndex { get; init; }
    public string? Problem { get; init; }
}
