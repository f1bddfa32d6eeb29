using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadPlatform.Compliance;

/// <summary>Hash-chains evidence records and verifies a chain. Pure functions; storage is the caller's.</summary>
public static class EvidenceChain
{
    /// <summary>The previous-hash of the first record in a chain.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Chains <paramref name="record"/> after <paramref name="previous"/> (null for the first record).</summary>
    public static EvidenceRecord Link(EvidenceRecord record, EvidenceRecord? previous)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (previous is not null && previous.Hash is null)
        {
            throw new ArgumentException("The previous record is not linked (it has no hash).", nameof(previous));
        }

        var linked = record with
        {
            Sequence = previous is null ? 0 : previous.Sequence + 1,
            PreviousHash = previous?.Hash ?? Genesis,
            Hash = null,
        };
        return linked with { Hash = ComputeHash(linked) };
    }

    /// <summary>
    /// Checks every record's hash and its link to the one before, in the order given, starting from
    /// <paramref name="anchorHash"/> (default <see cref="Genesis"/>: a whole chain). Reports the first broken link.
    /// </summary>
    public static EvidenceChainVerification Verify(IEnumerable<EvidenceRecord> records, string? anchorHash = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var expectedPrevious = anchorHash ?? Genesis;
        long? expectedSequence = anchorHash is null ? 0 : null;
        var index = 0;
        foreach (var record in records)
        {
            string? problem = null;
            if (record is null)
            {
                problem = "missing record";
            }
            else if (!string.Equals(record.PreviousHash, expectedPrevious, StringComparison.Ordinal))
            {
                problem = "previous hash does not match the record before it";
            }
            else if (expectedSequence is { } sequence && record.Sequence != sequence)
            {
                problem = $"sequence {record.Sequence} where {sequence} was expected";
            }
            else if (!string.Equals(record.Hash, ComputeHash(record), StringComparison.Ordinal))
            {
                problem = "content does not match its hash";
            }

            if (problem is not null)
            {
                return new EvidenceChainVerification { IsIntact = false, RecordCount = index + 1, FirstBrokenIndex = index, Problem = problem };
            }

            expectedPrevious = record!.Hash!;
            expectedSequence = record.Sequence + 1;
            index++;
        }

        return new EvidenceChainVerification { IsIntact = true, RecordCount = index };
    }

    /// <summary>
    /// A record of a decision about the lead itself (a merge or an unmerge, <see cref="EvidenceRecord.Decision"/>), for the
    /// lead's chain: who decided, when, the other lead, and what moved (<paramref name="detail"/>, no personal data).
    /// </summary>
    public static EvidenceRecord LeadDecision(Guid leadId, Guid relatedLeadId, string decision, string author, DateTimeOffset at, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        return new EvidenceRecord
        {
            EvidenceId = Guid.CreateVersion7(at),
            LeadId = leadId,
            Channel = "lead",
            Author = author,
            DecidedAt = at,
            Decision = decision,
            RelatedLeadId = relatedLeadId,
            MessageHash = Hashing.Sha256Hex($"{decision}:{leadId:D}:{relatedLeadId:D}:{detail}"),
            RuleSetVersion = "identity-v1",
            ConsentHash = "none",
            RuleResults = [new EvidenceRuleResult { Rule = "identity." + decision, Outcome = "passed", Detail = detail }],
        };
    }

    /// <summary>SHA-256 over a canonical, length-prefixed rendering of every field except <see cref="EvidenceRecord.Hash"/>.</summary>
    public static string ComputeHash(EvidenceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canon = new StringBuilder(512);
        Field(canon, "v", "evidence-v1");
        Field(canon, "evidenceId", record.EvidenceId.ToString("D"));
        Field(canon, "sequence", record.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(canon, "leadId", record.LeadId.ToString("D"));
        Field(canon, "channel", record.Channel);
        Field(canon, "author", record.Author);
        Field(canon, "decidedAt", record.DecidedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "/" + record.DecidedAt.Offset.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(canon, "decision", record.Decision);
        Field(canon, "outreachId", record.OutreachId?.ToString("D"));
        Field(canon, "messageHash", record.MessageHash);
        Field(canon, "subjectHash", record.SubjectHash);
        Field(canon, "ruleSetVersion", record.RuleSetVersion);
        var disclaimers = record.DisclaimerVersions ?? [];
        Field(canon, "disclaimers", disclaimers.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var d in disclaimers)
        {
            Field(canon, "disclaimer", d);
        }

        Field(canon, "consentHash", record.ConsentHash);
        var results = record.RuleResults ?? [];
        Field(canon, "ruleResults", results.Length.ToString(CultureInfo.InvariantCulture));
        foreach (var r in results)
        {
            Field(canon, "rule", r?.Rule);
            Field(canon, "outcome", r?.Outcome);
            Field(canon, "detail", r?.Detail);
        }

        // Fields added later are hashed only when set, so records written before them still verify.
        if (record.Reviewer is not null || record.ReviewId is not null)
        {
            Field(canon, "reviewer", record.Reviewer);
            Field(canon, "reviewId", record.ReviewId?.ToString("D"));
        }

        if (record.ApprovedContent is { Length: > 0 } approved)
        {
            Field(canon, "approvedContent", approved.Length.ToString(CultureInfo.InvariantCulture));
            foreach (var a in approved)
            {
                Field(canon, "approved", a);
            }
        }

        if (record.RelatedLeadId is { } related) Field(canon, "relatedLeadId", related.ToString("D"));

        Field(canon, "previousHash", record.PreviousHash);
        return Hashing.Sha256Hex(canon.ToString());
    }

    private static void Field(StringBuilder canon, string name, string? value)
    {
        canon.Append(name).Append('=');
        if (value is null)
        {
            canon.Append("null\n");
            return;
        }

        canon.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}

internal static class Hashing
{
    public static string Sha256Hex(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }
}
