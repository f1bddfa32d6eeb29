using MassTransit;

namespace LeadPlatform.Contracts;

/// <summary>A follow-up task passed its due time without being done: escalated, once per task.</summary>
[MessageUrn("lead-platform:follow-up-overdue:v1")]
[EntityName("lead-platform.follow-up-overdue")]
[MayGoUnrouted("An escalation signal for other systems to watch: follow-up has already marked the task and its timeline; no platform service consumes it.")]
public sealed record FollowUpOverdue
{
    public required Guid LeadId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required Guid TaskId { get; init; }
    public required string Tier { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>The coordinator the task is assigned to, or null when it is unassigned.</summary>
    public string? AssigneeId { get; init; }
}
