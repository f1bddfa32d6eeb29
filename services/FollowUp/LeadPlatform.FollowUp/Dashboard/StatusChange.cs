namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>What the status form did (<see cref="LeadActions.ChangeStatusAsync"/>).</summary>
internal enum StatusChange
{
    Changed,
    Unchanged,
    Overridden,
    ReasonRequired,
    NotSettable,
    NotFound,
}
