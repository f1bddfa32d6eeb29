using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>The roster from <c>FollowUp:Coordinators</c>, read afresh each time (a changed setting applies to the next lead).</summary>
internal sealed class ConfiguredCoordinatorRoster(IOptionsMonitor<FollowUpOptions> options) : ICoordinatorRoster
{
    public ValueTask<IReadOnlyList<Coordinator>> GetCoordinatorsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Coordinator>>([.. options.CurrentValue.Coordinators
            .Where(c => !string.IsNullOrWhiteSpace(c.Id))
            .DistinctBy(c => c.Id.Trim(), StringComparer.Ordinal)
            .Select(c => new Coordinator(c.Id.Trim(), string.IsNullOrWhiteSpace(c.Name) ? c.Id.Trim() : c.Name.Trim(), c.OnDuty, c.OnLeaveUntil))]);
}
