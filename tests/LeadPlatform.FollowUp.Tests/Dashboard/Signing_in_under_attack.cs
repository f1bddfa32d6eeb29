using System.Net;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// Password guessing over real HTTP, on a fixed clock: throttled per account and per client address with growing waits,
/// capped so the real person is never kept out for long; weak and common passwords are refused.
/// </summary>
public sealed class Signing_in_under_attack : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private readonly FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(_time, $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}");
        var accounts = _host.Host.App.Services.GetRequiredService<AccountService>();
        await Eventually.GetAsync(() => accounts.FindAsync(AdminEmail), a => a is not null, what: "the bootstrap admin");
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator])).Account);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Forty_wrong_passwords_then_the_right_one_is_refused_with_a_clear_message()
    {
        using var attacker = new DashboardSession(_host.Host.Address);
        var refused = 0;
        for (var i = 0; i < 40; i++)
        {
            using var guess = await attacker.SignInAsync("ana@clinic.example", $"guess number {i} of the attacker");
            Assert.True(guess.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, $"guess {i} answered {guess.StatusCode}");
            if (guess.StatusCode == HttpStatusCode.TooManyRequests) refused++;
            _time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.True(refused >= 30, $"only {refused} of 40 guesses were throttled");

        using var right = await attacker.SignInAsync("ana@clinic.example", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        var page = await right.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts for this account. Wait", page, StringComparison.Ordinal);
        using var queue = await attacker.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
    }

    [Fact]
    public async Task After_five_failures_the_account_takes_one_try_per_thirty_seconds_from_a_new_address_and_no_longer_lockout()
    {
        using var attacker = new DashboardSession(_host.Host.Address);
        for (var i = 0; i < 5; i++)
        {
            using var guess = await attacker.SignInAsync("ana@clinic.example", $"guess number {i} of the attacker");
            _time.Advance(TimeSpan.FromSeconds(11));
        }

        // Ana, from another address, right away: throttled, for at most 30 seconds.
        using var ana = new DashboardSession(_host.Host.Address, IPAddress.Parse("127.0.0.2"));
        using var tooSoon = await ana.SignInAsync("ana@clinic.example", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.True(tooSoon.Headers.RetryAfter!.Delta <= SignInThrottle.AccountCap, $"Retry-After {tooSoon.Headers.RetryAfter.Delta}");

        _time.Advance(SignInThrottle.AccountCap);
        using var signedIn = await ana.SignInAsync("ana@clinic.example", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/dashboard", signedIn.Headers.Location!.OriginalString);
        using var queue = await ana.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task The_attacker_s_own_address_waits_longer_and_longer()
    {
        using var attacker = new DashboardSession(_host.Host.Address);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            using var guess = await attacker.SignInAsync($"nobody{i}@clinic.example", "a guess that is wrong anyway");
            if (guess.StatusCode == HttpStatusCode.TooManyRequests)
            {
                waits.Add(guess.Headers.RetryAfter!.Delta!.Value);
                _time.Advance(guess.Headers.RetryAfter.Delta.Value);
                using var again = await attacker.SignInAsync($"nobody{i}@clinic.example", "a guess that is wrong anyway");
                Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            }
        }
        Assert.True(waits.Count >= 5, $"throttled {waits.Count} times");
        Assert.True(waits[^1] > waits[0] * 4, $"waits {string.Join(", ", waits)}");
        Assert.True(waits.Max() <= SignInThrottle.AddressCap);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("abcabcabcabc")]
    [InlineData("short pass")]
    public async Task A_weak_or_common_password_is_refused_when_an_admin_creates_an_account_or_resets_one(string weak)
    {
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password, _time);
        using var create = await admin.PostFormAsync("/dashboard/accounts",
            new() { ["email"] = "bea@clinic.example", ["displayName"] = "Bea", ["password"] = weak, ["role"] = Roles.Coordinator }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        var page = await create.Content.ReadAsStringAsync();
        Assert.True(page.Contains("at least 12 characters", StringComparison.Ordinal) || page.Contains("common passwords", StringComparison.Ordinal)
            || page.Contains("too few characters", StringComparison.Ordinal), page);
        var accounts = _host.Host.App.Services.GetRequiredService<AccountService>();
        Assert.Null(await accounts.FindAsync("bea@clinic.example"));

        var ana = (await accounts.FindAsync("ana@clinic.example"))!;
        using var reset = await admin.PostFormAsync($"/dashboard/accounts/{ana.Id}/password", new() { ["password"] = weak }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        using var stillAna = await new DashboardSession(_host.Host.Address).SignInAsync("ana@clinic.example", Password);
        Assert.Equal(HttpStatusCode.Redirect, stillAna.StatusCode);
    }

    [Fact]
    public void The_shipped_list_has_thousands_of_common_passwords_and_ops_logs_mask_the_email()
    {
        Assert.True(PasswordPolicy.CommonPasswordCount > 5000, $"{PasswordPolicy.CommonPasswordCount} common passwords");
        Assert.Null(PasswordPolicy.Problem("correct horse battery staple"));
        Assert.Null(PasswordPolicy.Problem("browser-test-admin-password", "admin@clinic.example"));
        Assert.NotNull(PasswordPolicy.Problem("ana.lopez@clinic.example", "ana.lopez@clinic.example"));
        Assert.NotNull(PasswordPolicy.Problem("ana.lopez2026!!", "ana.lopez@clinic.example"));
        Assert.Equal("a***@clinic.example", SignInThrottle.Mask("ana@clinic.example"));
        Assert.Equal("2001:db8:1:2::/64", SignInThrottle.Network(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
    }
}
