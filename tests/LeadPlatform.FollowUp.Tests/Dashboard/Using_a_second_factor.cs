using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// TOTP (RFC 6238) over real HTTP, with codes computed by the test on the host's fixed clock: any account can enrol,
/// admins must before anything else, and then the password alone no longer signs in.
/// </summary>
public sealed partial class Using_a_second_factor : IAsyncLifetime
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
    public void Codes_match_the_RFC_6238_test_vectors_for_SHA1()
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        foreach (var (time, code) in new[] { (59L, "94287082"), (1111111109L, "07081804"), (1234567890L, "89005924"), (20000000000L, "65353130") })
        {
            Assert.Equal(code, Totp.Code(secret, time / 30, digits: 8));
        }
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.ToBase32(secret));
        Assert.Equal(secret, Totp.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    [Fact]
    public async Task An_admin_without_a_second_factor_is_sent_to_enrol_before_anything_else()
    {
        using var admin = new DashboardSession(_host.Host.Address);
        using var signIn = await admin.SignInAsync(AdminEmail, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (var page in new[] { "/dashboard", "/dashboard/accounts", "/dashboard/templates", "/dashboard/funnel" })
        {
            using var response = await admin.Http.GetAsync(page);
            Assert.True(response.Headers.Location?.OriginalString == "/dashboard/security/two-factor", $"GET {page} answered {response.StatusCode} {response.Headers.Location}");
        }
        using var api = await admin.Http.GetAsync("/api/v1/tasks");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("second factor", await api.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var html = await admin.Http.GetStringAsync("/dashboard/security/two-factor");
        Assert.Contains("Admins must use a second factor", html, StringComparison.Ordinal);
        var uri = WebUtility.HtmlDecode(OtpAuthLink().Match(html).Groups[1].Value);
        Assert.StartsWith("otpauth://totp/LeadPlatform:admin%40clinic.example?secret=", uri, StringComparison.Ordinal);
        Assert.Contains("&period=30", uri, StringComparison.Ordinal);

        using var wrong = await admin.PostFormAsync("/dashboard/security/two-factor", new() { ["code"] = "000000" }, "/dashboard/security/two-factor");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        await admin.EnrolAsync(AdminEmail, _time);
        using var queue = await admin.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        using var accounts = await admin.Http.GetAsync("/dashboard/accounts");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
        Assert.Contains("second factor on", await accounts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_second_factor_the_password_alone_does_not_sign_in_and_the_current_code_does_once()
    {
        using (var first = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password, _time))
        {
            await first.EnrolAsync("ana@clinic.example", _time);
        }
        var secret = DashboardSession.SecretOf(_host.Host.Address, "ana@clinic.example");
        _time.Advance(TimeSpan.FromMinutes(1));

        using var session = new DashboardSession(_host.Host.Address);
        using var password = await session.SignInAsync("ana@clinic.example", Password);
        Assert.Equal("/dashboard/sign-in/code", password.Headers.Location!.OriginalString);
        using var notYet = await session.Http.GetAsync("/dashboard");
        Assert.StartsWith("/dashboard/sign-in", notYet.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var wrong = await session.PostFormAsync("/dashboard/sign-in/code", new() { ["code"] = "123456" }, "/dashboard/sign-in/code");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var code = Totp.Code(secret, Totp.StepAt(_time.GetUtcNow()));
        using var right = await session.PostFormAsync("/dashboard/sign-in/code", new() { ["code"] = code }, "/dashboard/sign-in/code");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/dashboard", right.Headers.Location!.OriginalString);
        using var queue = await session.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);

        // The same code is spent: someone who saw it cannot use it again.
        using var other = new DashboardSession(_host.Host.Address, IPAddress.Parse("127.0.0.3"));
        using var otherPassword = await other.SignInAsync("ana@clinic.example", Password);
        using var replayed = await other.PostFormAsync("/dashboard/sign-in/code", new() { ["code"] = code }, "/dashboard/sign-in/code");
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_are_throttled_like_passwords_and_an_admin_can_remove_a_lost_second_factor()
    {
        using (var first = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password, _time))
        {
            await first.EnrolAsync("ana@clinic.example", _time);
        }
        using var guesser = new DashboardSession(_host.Host.Address, IPAddress.Parse("127.0.0.5")); // someone who has the password, elsewhere
        using (var password = await guesser.SignInAsync("ana@clinic.example", Password)) Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var guess = await guesser.PostFormAsync("/dashboard/sign-in/code", new() { ["code"] = $"{100000 + i}" }, "/dashboard/sign-in/code");
            answers.Add(guess.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);

        // Ana lost her phone: an admin removes the second factor; she signs in with her password again.
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password, _time);
        var accounts = _host.Host.App.Services.GetRequiredService<AccountService>();
        var ana = (await accounts.FindAsync("ana@clinic.example"))!;
        using var reset = await admin.PostFormAsync($"/dashboard/accounts/{ana.Id}/second-factor/reset", [], "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        _time.Advance(TimeSpan.FromMinutes(1));
        using var again = new DashboardSession(_host.Host.Address, IPAddress.Parse("127.0.0.4"));
        using var signIn = await again.SignInAsync("ana@clinic.example", Password);
        Assert.Equal("/dashboard", signIn.Headers.Location!.OriginalString);
        Assert.Contains((await accounts.GetAsync(ana.Id))!.History, h => h.What == "second factor removed" && h.By.StartsWith("Administrator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_code_step_cannot_be_reached_without_the_password()
    {
        using var session = new DashboardSession(_host.Host.Address);
        using var form = await session.Http.GetAsync("/dashboard/sign-in/code");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        using var post = await session.PostFormAsync("/dashboard/sign-in/code", new() { ["code"] = "123456" }, "/dashboard/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/dashboard/sign-in", post.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("<a href=\"(otpauth://[^\"]+)\"")]
    private static partial Regex OtpAuthLink();
}
