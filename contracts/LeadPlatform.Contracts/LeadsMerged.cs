using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>
/// A coordinator merged two leads of one person: <see cref="MergedLeadId"/> lives on in <see cref="SurvivingLeadId"/>.
/// Every service routes what it still holds or later receives for the merged lead to the surviving one.
/// </summary>
[MessageUrn("lead-platform:leads-merged:v1")]
[EntityName("lead-platform.leads-merged")]
public sealed record LeadsMerged
{
    public required Guid SurvivingLeadId { get; init; }
    public required Guid MergedLeadId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Who merged them (a coordinator's name, or an API token's identity).</summary>
    public required string MergedBy { get; init; }
}
