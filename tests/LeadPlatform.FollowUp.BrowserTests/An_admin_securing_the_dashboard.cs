using LeadPlatform.FollowUp.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// The sign-in, second-factor and accounts pages in Chromium: an admin enrols a second factor before anything else,
/// signs in again with a code, and manages another account; guessing is throttled with a message that says what to do.
/// Screenshots in the artifacts folder; axe finds no serious violations.
/// </summary>
public sealed class An_admin_securing_the_dashboard : IAsyncLifetime
{
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    [Fact]
    public async Task Enrols_a_second_factor_signs_in_with_a_code_and_manages_an_account()
    {
        var accounts = _dashboard.Host.App.Services.GetRequiredService<AccountService>();
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana Coordinator", "violet lantern orbit meadow", [Roles.Coordinator])).Account);

        await Page.GotoAsync(_dashboard.Url("/dashboard"));
        await Page.ArrivedAtAsync(@"/dashboard/sign-in");
        await _dashboard.ScreenshotAsync("security-1-sign-in");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());

        await Page.GetByLabel("Email").FillAsync(DashboardBrowser.AdminEmail);
        await Page.GetByLabel("Password").FillAsync(DashboardBrowser.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.ArrivedAtAsync(@"/dashboard/security/two-factor$");
        Assert.Contains("Admins must use a second factor", await Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        // Navigating elsewhere leads back here until the second factor is on.
        await Page.GotoAsync(_dashboard.Url("/dashboard/accounts"));
        await Page.ArrivedAtAsync(@"/dashboard/security/two-factor$");
        await _dashboard.EnrolSecondFactorAsync(async () =>
        {
            await _dashboard.ScreenshotAsync("security-2-enrol");
            Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
        });
        await _dashboard.ScreenshotAsync("security-3-enrolled");

        // Sign out and in again: now the code is asked for.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.ArrivedAtAsync(@"/dashboard/sign-in");
        await Page.GetByLabel("Email").FillAsync(DashboardBrowser.AdminEmail);
        await Page.GetByLabel("Password").FillAsync(DashboardBrowser.AdminPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.ArrivedAtAsync(@"/dashboard/sign-in/code$");
        await _dashboard.ScreenshotAsync("security-4-code");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
        await Page.GetByLabel("Code from your authenticator app").FillAsync(_dashboard.CurrentCode(next: true)); // the current one was spent enrolling
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Follow-up queue" }).WaitForAsync();

        // The accounts page: change Ana's role; the change is listed with who made it.
        await Page.GotoAsync(_dashboard.Url("/dashboard/accounts"));
        await Page.GetByText("Manage Ana Coordinator").ClickAsync();
        await Page.GetByLabel("Role of Ana Coordinator").SelectOptionAsync(Roles.ComplianceOfficer);
        await Page.Locator("details", new() { HasText = "Manage Ana Coordinator" }).GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Page.GetByText("Role changed.").WaitForAsync();
        await Page.GetByText("Manage Ana Coordinator").ClickAsync();
        await Page.GetByText("role changed to Compliance officer, by Administrator").WaitForAsync();
        await _dashboard.ScreenshotAsync("security-5-accounts");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
        Assert.Equal([Roles.ComplianceOfficer], (await accounts.FindAsync("ana@clinic.example"))!.Roles);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_are_throttled_with_a_message_that_says_how_long_to_wait()
    {
        await Page.GotoAsync(_dashboard.Url("/dashboard/sign-in"));
        for (var i = 0; i < 8; i++)
        {
            await Page.GetByLabel("Email").FillAsync(DashboardBrowser.AdminEmail);
            await Page.GetByLabel("Password").FillAsync($"wrong password number {i}");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Page.GetByRole(AriaRole.Alert).WaitForAsync();
            if ((await Page.GetByRole(AriaRole.Alert).InnerTextAsync()).StartsWith("Too many", StringComparison.Ordinal)) break;
        }
        Assert.Contains("Too many sign-in attempts for this account. Wait", await Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await _dashboard.ScreenshotAsync("security-6-throttled");
    }
}
