using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>
/// A coordinator undid a merge: <see cref="RestoredLeadId"/> is a lead of its own again and the quote requests listed
/// in <see cref="QuoteRequestIds"/> are its own again. Every service that moved records to <see cref="SurvivingLeadId"/>
/// on <see cref="LeadsMerged"/> moves the records of those requests back, so an erasure of either lead reaches exactly
/// its own records.
/// </summary>
[MessageUrn("lead-platform:leads-unmerged:v1")]
[EntityName("lead-platform.leads-unmerged")]
public sealed record LeadsUnmerged
{
    public required Guid SurvivingLeadId { get; init; }
    public required Guid RestoredLeadId { get; init; }
    /// <summary>The quote requests that belong to the restored lead again (its own, and those of leads merged into it before).</summary>
    public required IReadOnlyList<Guid> QuoteRequestIds { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Who unmerged them (a coordinator's name, or an API token's identity).</summary>
    public required string UnmergedBy { get; init; }
}
