using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Officer;

/// <summary>
/// The evidence ledgers read across leads for the compliance officer: the entries of a period (each lead's chain is
/// verified whole, and an entry says whether the chain holds up to it), and one lead's ledger with the texts of its
/// blocked and held drafts.
/// </summary>
internal sealed class EvidenceLedger(ILeadStore store)
{
    /// <summary>At most this many leads are read for one period (a clinic's year); the page says when it was reached.</summary>
    public const int MaxLeads = 20_000;

    public async Task<IReadOnlyList<EvidenceEntry>> BetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var leads = await store.FindActiveBetweenAsync(from, to, MaxLeads, cancellationToken);
        return leads.SelectMany(l => Entries(l).Where(e => e.At >= from && e.At <= to))
            .OrderBy(e => e.At).ThenBy(e => e.LeadReference, StringComparer.Ordinal).ThenBy(e => e.Sequence)
            .ToList();
    }

    public static EvidenceChainView ForLead(LeadDocument lead)
    {
        var verification = EvidenceChain.Verify(lead.Evidence);
        var withheld = new Dictionary<Guid, WithheldDraft>();
        foreach (var d in lead.WithheldDrafts) withheld[d.EvidenceId] = d;
        return new EvidenceChainView(lead.Id, LeadReference.Of(lead.Id), Entries(lead, verification), verification, withheld);
    }

    public static IReadOnlyList<EvidenceEntry> Entries(LeadDocument lead) => Entries(lead, EvidenceChain.Verify(lead.Evidence));

    private static List<EvidenceEntry> Entries(LeadDocument lead, EvidenceChainVerification verification)
    {
        var reference = LeadReference.Of(lead.Id);
        var brokenFrom = verification.FirstBrokenIndex ?? int.MaxValue;
        return lead.Evidence.Select((r, i) => new EvidenceEntry(
            r.DecidedAt, reference, lead.Id, r.EvidenceId, r.Sequence, r.Channel, r.Decision, r.Author, r.RuleSetVersion,
            [.. (r.RuleResults ?? []).Where(x => x.Outcome == "failed").Select(x => x.Rule).Distinct()],
            r.DisclaimerVersions ?? [], ConsentVersionAt(lead, r.Channel, r.DecidedAt), r.ConsentHash, r.Reviewer, r.OutreachId,
            r.MessageHash, r.Hash, r.PreviousHash, i < brokenFrom)).ToList();
    }

    /// <summary>The version of the consent text on file for the channel at that moment (the evidence holds its hash).</summary>
    internal static string? ConsentVersionAt(LeadDocument lead, string channel, DateTimeOffset at)
    {
        var record = lead.ConsentHistory.Where(c => c.Channel == channel && c.At <= at).OrderBy(c => c.At).LastOrDefault();
        if (record is not null) return record.Granted ? record.TextVersion ?? "(no version)" : "not granted";
        // Evidence that is not an outreach's (the lead's own record, an unknown channel) has no channel consent.
        var consent = ChannelPolicy.TryParse(channel, out var policy) ? policy.ConsentOf(lead.Consent) : null;
        return consent is null ? null : consent.Granted ? consent.TextVersion ?? "(no version)" : "not granted";
    }
}
