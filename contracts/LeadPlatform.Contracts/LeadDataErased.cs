using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>A service erased or anonymised the personal data it held about a lead, as <see cref="LeadErasureRequested"/> asked.</summary>
[MessageUrn("lead-platform:lead-data-erased:v1")]
[EntityName("lead-platform.lead-data-erased")]
public sealed record LeadDataErased
{
    public required Guid LeadId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid ErasureId { get; init; }
    /// <summary>Intake, Qualification or FollowUp.</summary>
    public required string Service { get; init; }
}
