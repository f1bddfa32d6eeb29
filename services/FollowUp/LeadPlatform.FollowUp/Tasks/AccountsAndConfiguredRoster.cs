using LeadPlatform.FollowUp.Auth;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// The roster the round-robin walks: the coordinators named in <c>FollowUp:Coordinators</c> first (in that order), then
/// every enabled dashboard account with the coordinator role, oldest account first, identified by its sign-in email (what
/// the queue's "my tasks" matches). An admin marking someone off duty or on leave on the accounts page takes them out of
/// the next assignment at once; an account on leave stays out until it is marked back.
/// </summary>
internal sealed class AccountsAndConfiguredRoster(IOptionsMonitor<FollowUpOptions> options, IUserAccountStore accounts) : ICoordinatorRoster
{
    private const int MaxAccounts = 500;
    private readonly ConfiguredCoordinatorRoster _configured = new(options);

    public async ValueTask<IReadOnlyList<Coordinator>> GetCoordinatorsAsync(CancellationToken cancellationToken)
    {
        var configured = await _configured.GetCoordinatorsAsync(cancellationToken);
        var fromAccounts = (await accounts.ListAsync(MaxAccounts, cancellationToken))
            .Where(a => !a.Disabled && a.Roles.Contains(Roles.Coordinator, StringComparer.Ordinal))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Email, StringComparer.Ordinal)
            .Select(a => new Coordinator(a.Email, string.IsNullOrWhiteSpace(a.DisplayName) ? a.Email : a.DisplayName, a.OnDuty,
                a.OnLeave ? DateTimeOffset.MaxValue : a.LeaveUntil ?? (a.LeaveFrom is null ? null : DateTimeOffset.MaxValue))
            {
                OnLeaveFrom = a.OnLeave ? null : a.LeaveFrom,
                Hours = WorkingHours.From(a.WorkDays, a.WorkStart, a.WorkEnd),
                MaxOpenTasks = a.MaxOpenTasks,
                AlertEmail = a.AlertEmail,
                AlertPhone = a.AlertPhone,
            });
        return [.. configured.Concat(fromAccounts).DistinctBy(c => c.Id, StringComparer.OrdinalIgnoreCase)];
    }
}
