using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>One lead's ledger for the readable view: the entries, the chain check, and the withheld drafts' texts.</summary>
public sealed record EvidenceChainView(
    Guid LeadId,
    string LeadReference,
    IReadOnlyList<EvidenceEntry> Entries,
    EvidenceChainVerification Verification,
    IReadOnlyDictionary<Guid, Storage.WithheldDraft> Withheld)
{
    /// <summary>"Verified (n entries)" or "Broken at entry N: why" (N counted from 1, as a person reads the list).</summary>
    public string Integrity => Verification.IsIntact
        ? $"Verified: all {Verification.RecordCount} entries are intact and in order"
        : $"Broken at entry {Verification.FirstBrokenIndex + 1}: {Verification.Problem}";
}
