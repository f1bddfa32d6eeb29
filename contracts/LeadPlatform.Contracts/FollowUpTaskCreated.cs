using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>A coordinator's follow-up task exists for a qualified lead.</summary>
[MessageUrn("lead-platform:follow-up-task-created:v1")]
[EntityName("lead-platform.follow-up-task-created")]
public sealed record FollowUpTaskCreated
{
    public required Guid LeadId { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid QuoteRequestId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Tier { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public string? AssignedTo { get; init; }
}
