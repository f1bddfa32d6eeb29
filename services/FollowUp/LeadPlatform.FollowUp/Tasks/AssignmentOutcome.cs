namespace LeadPlatform.FollowUp.Tasks;

/// <summary>What an assignment by hand did (<see cref="TaskAssignment.AssignByHandAsync"/>).</summary>
public enum AssignmentOutcome
{
    Assigned,
    Unchanged,
    TaskNotFound,
    UnknownCoordinator,
    InactiveCoordinator,
    Forbidden,
}
