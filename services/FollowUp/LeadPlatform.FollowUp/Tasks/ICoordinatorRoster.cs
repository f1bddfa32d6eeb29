namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// The coordinators who can be assigned tasks, in round-robin order: by default those configured in
/// <c>FollowUp:Coordinators</c> and the dashboard's coordinator accounts (<see cref="AccountsAndConfiguredRoster"/>).
/// </summary>
public interface ICoordinatorRoster
{
    ValueTask<IReadOnlyList<Coordinator>> GetCoordinatorsAsync(CancellationToken cancellationToken);
}
