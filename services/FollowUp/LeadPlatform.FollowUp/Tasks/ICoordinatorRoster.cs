namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// The coordinators who can be assigned tasks, in round-robin order. Today from configuration
/// (<see cref="ConfiguredCoordinatorRoster"/>); the dashboard's accounts can feed it later by registering their own.
/// </summary>
public interface ICoordinatorRoster
{
    ValueTask<IReadOnlyList<Coordinator>> GetCoordinatorsAsync(CancellationToken cancellationToken);
}
