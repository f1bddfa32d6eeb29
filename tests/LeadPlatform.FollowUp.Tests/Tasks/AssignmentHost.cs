using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>
/// The setup the assignment tests share, over real HTTP: a follow-up host on a fake clock during calling hours, without
/// acknowledgements, the bootstrap admin and the given coordinators, each signed in on the dashboard. The backlog watch's
/// own loop is parked: the tests run its check themselves, and its loop (on the same fake clock) must not run beside them
/// when they move the clock on (a CI run saw the two checks interleave) nor assign a task a test means to assign.
/// </summary>
internal sealed class AssignmentHost : IAsyncDisposable
{
    public const string AdminEmail = "admin@clinic.example";
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, (UserAccount Account, DashboardSession Session)> _coordinators = new(StringComparer.OrdinalIgnoreCase);

    private AssignmentHost(FakeTimeProvider time, OutreachHost host)
    {
        Time = time;
        Host = host;
        Accounts = host.Host.App.Services.GetRequiredService<AccountService>();
    }

    public FakeTimeProvider Time { get; }
    public OutreachHost Host { get; }
    public AccountService Accounts { get; }
    public DashboardSession Admin { get; private set; } = null!;

    /// <summary>Starts the host and signs in the admin and the coordinators (<c>(email, display name)</c>, in roster order).</summary>
    public static async Task<AssignmentHost> StartAsync(params (string Email, string Name)[] coordinators)
    {
        var time = OutreachHost.DuringCallingHours();
        var host = await OutreachHost.StartWithAdminAsync(time, AdminEmail, Password, "--FollowUp:Acknowledgements=false",
            "--FollowUp:Assignment:CheckInterval=7.00:00:00");
        var started = new AssignmentHost(time, host);
        try
        {
            var accounts = new List<UserAccount>();
            foreach (var (email, name) in coordinators)
            {
                accounts.Add((await started.Accounts.CreateAsync(email, name, Password, [Roles.Coordinator])).Account!);
            }
            started.Admin = await DashboardSession.SignedInAsync(host.Host.Address, AdminEmail, Password, time);
            foreach (var account in accounts)
            {
                started._coordinators[account.Email] = (account, await DashboardSession.SignedInAsync(host.Host.Address, account.Email, Password));
            }
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>A coordinator's account as created.</summary>
    public UserAccount Account(string email) => _coordinators[email].Account;

    /// <summary>A coordinator's signed-in dashboard session.</summary>
    public DashboardSession Session(string email) => _coordinators[email].Session;

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        foreach (var (_, session) in _coordinators.Values) session.Dispose();
        await Host.DisposeAsync();
    }
}
