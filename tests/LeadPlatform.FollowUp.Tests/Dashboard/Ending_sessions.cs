using System.Net;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// Sessions end when they should, over real HTTP: a cookie copied before sign-out stops working after it, and an
/// admin's change to an account (role, disabled, password) ends that account's sessions, recorded with who did it.
/// </summary>
public sealed class Ending_sessions : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private Guid _anaId;

    private AccountService Accounts => _host.Host.App.Services.GetRequiredService<AccountService>();

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(null, $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}");
        await Eventually.GetAsync(() => Accounts.FindAsync(AdminEmail), a => a is not null, what: "the bootstrap admin");
        _anaId = (await Accounts.CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator])).Account!.Id;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>A second client presenting only the copied session cookie.</summary>
    private DashboardSession Replay(DashboardSession original)
    {
        var copy = new DashboardSession(_host.Host.Address);
        foreach (Cookie cookie in original.Cookies.GetCookies(_host.Host.Address)) copy.Cookies.Add(_host.Host.Address, new Cookie(cookie.Name, cookie.Value, "/"));
        return copy;
    }

    private static async Task AssertSignedOutAsync(DashboardSession session, string because)
    {
        using var page = await session.Http.GetAsync("/dashboard");
        Assert.True(page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location!.PathAndQuery.StartsWith("/dashboard/sign-in", StringComparison.Ordinal),
            $"{because}: GET /dashboard answered {page.StatusCode} {page.Headers.Location}");
        using var api = await session.Http.GetAsync("/api/v1/tasks");
        Assert.True(api.StatusCode == HttpStatusCode.Unauthorized, $"{because}: GET /api/v1/tasks answered {api.StatusCode}");
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var copied = Replay(ana);
        using (var before = await copied.Http.GetAsync("/dashboard"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await ana.PostFormAsync("/dashboard/sign-out", [], "/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertSignedOutAsync(copied, "the copied cookie after sign-out");
        await AssertSignedOutAsync(ana, "the signed-out browser");
    }

    [Fact]
    public async Task Changing_a_role_ends_the_account_s_sessions_and_the_new_role_applies_from_the_next_sign_in()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);

        using var change = await admin.PostFormAsync($"/dashboard/accounts/{_anaId}/role", new() { ["role"] = Roles.ComplianceOfficer }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        await AssertSignedOutAsync(ana, "the old cookie after a role change");
        using var again = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var compose = await again.Http.GetAsync($"/dashboard/leads/{Guid.NewGuid()}/compose");
        Assert.StartsWith("/dashboard/forbidden", compose.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var history = (await Accounts.GetAsync(_anaId))!.History;
        var recorded = Assert.Single(history, h => h.What == "role changed to Compliance officer");
        Assert.StartsWith("Administrator (", recorded.By, StringComparison.Ordinal);
        Assert.Contains("role changed to Compliance officer, by Administrator", await admin.Http.GetStringAsync("/dashboard/accounts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_and_its_password_no_longer_signs_in()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);

        using var disable = await admin.PostFormAsync($"/dashboard/accounts/{_anaId}/disable", [], "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);

        await AssertSignedOutAsync(ana, "a disabled account's session");
        using var signIn = await new DashboardSession(_host.Host.Address).SignInAsync("ana@clinic.example", Password);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        using var enable = await admin.PostFormAsync($"/dashboard/accounts/{_anaId}/enable", [], "/dashboard/accounts");
        using var back = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        Assert.Equal(["created as Coordinator", "disabled", "enabled"], (await Accounts.GetAsync(_anaId))!.History.Select(h => h.What));
    }

    [Fact]
    public async Task An_admin_resets_a_password_the_sessions_end_and_only_the_new_password_works()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
        const string newPassword = "violet lantern orbit meadow";

        using var reset = await admin.PostFormAsync($"/dashboard/accounts/{_anaId}/password", new() { ["password"] = newPassword }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await AssertSignedOutAsync(ana, "the session from before the reset");
        using var old = await new DashboardSession(_host.Host.Address).SignInAsync("ana@clinic.example", Password);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        using var fresh = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", newPassword);
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_demote_themselves()
    {
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
        var adminId = (await Accounts.FindAsync(AdminEmail))!.Id;
        using var demote = await admin.PostFormAsync($"/dashboard/accounts/{adminId}/role", new() { ["role"] = Roles.Coordinator }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        using var disable = await admin.PostFormAsync($"/dashboard/accounts/{adminId}/disable", [], "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal([Roles.Admin], (await Accounts.GetAsync(adminId))!.Roles);
    }
}
