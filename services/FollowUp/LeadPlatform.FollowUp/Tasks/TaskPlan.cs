namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// A task about to be opened, decided before the lead's write (<see cref="TaskOpener.PlanAsync"/>): its tier, the SLA due time
/// in the clinic's business hours counted from <see cref="From"/>, and the coordinator the round-robin gave it to (null:
/// nobody available). Asked again for the same <see cref="Key"/> it gets the same coordinator.
/// </summary>
public sealed record TaskPlan(Guid Key, string Tier, DateTimeOffset From, DateTimeOffset SlaDue, Coordinator? Assignee);
