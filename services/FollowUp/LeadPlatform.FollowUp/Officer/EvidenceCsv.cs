using System.Globalization;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>The evidence export: one row per evidence entry, lists inside a cell separated by "; ".</summary>
public static class EvidenceCsv
{
    public static readonly string[] Header =
    [
        "time", "lead_reference", "sequence", "channel", "decision", "author", "rule_set_version", "failed_rules",
        "disclaimer_versions", "consent_version", "consent_hash", "reviewer", "message_hash", "hash", "previous_hash", "chain_intact",
    ];

    public static string Write(IEnumerable<EvidenceEntry> entries) => Csv.Write(Header, entries.Select(e => (IReadOnlyList<string?>)
    [
        Csv.Time(e.At), e.LeadReference, e.Sequence.ToString(CultureInfo.InvariantCulture), e.Channel, e.Decision, e.Author, e.RuleSetVersion,
        string.Join("; ", e.FailedRules), string.Join("; ", e.DisclaimerVersions), e.ConsentVersion, e.ConsentHash, e.Reviewer,
        e.MessageHash, e.Hash, e.PreviousHash, e.ChainIntact ? "yes" : "no",
    ]));
}
