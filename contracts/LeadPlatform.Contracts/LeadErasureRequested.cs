using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>
/// An operator asked, for the person behind a lead, that their personal data be erased (right to erasure). Every service
/// erases or anonymises what it holds about the lead and confirms with <see cref="LeadDataErased"/>.
/// </summary>
[MessageUrn("lead-platform:lead-erasure-requested:v1")]
[EntityName("lead-platform.lead-erasure-requested")]
public sealed record LeadErasureRequested
{
    public required Guid LeadId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The request's id: each service's confirmation carries it.</summary>
    public required Guid ErasureId { get; init; }
}
