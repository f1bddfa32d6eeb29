using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// Over real HTTP, a clinic in New York: the accounts page says when each person last signed in on the clinic's clock
/// (as every other page shows times), not in UTC.
/// </summary>
public sealed class Reading_the_accounts_page_in_the_clinic_s_time : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(15).AddMinutes(35), TimeSpan.Zero));
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await OutreachHost.StartWithAdminAsync(_time, AdminEmail, Password, "--FollowUp:ClinicTimeZone=America/New_York");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_last_sign_in_is_shown_on_the_clinic_s_clock_not_in_utc()
    {
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        using (await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password))
        {
        }
        var signedInAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(20));
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password, _time);

        var page = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/dashboard/accounts"));
        var row = Regex.Match(page, "<tr>(?:(?!</tr>).)*ana@clinic\\.example.*?</tr>", RegexOptions.Singleline).Value;
        var lastSignIn = Regex.Match(row, "<small class=\"last-sign-in\">(.*?)</small>", RegexOptions.Singleline).Groups[1].Value;

        // 15:35 UTC is 10:35 (or 11:35 in summer) in New York: the clinic's clock, in the browser's locale (en-GB without Accept-Language).
        var clinicClock = TimeZoneInfo.ConvertTime(signedInAt, NewYork).ToString("HH:mm", CultureInfo.InvariantCulture);
        Assert.Matches($@"^last sign-in <time datetime=""[^""]+"">(\w{{3}} \d{{1,2}} \w{{3}} )?{clinicClock}</time>$", lastSignIn.Trim());
        var shown = Regex.Replace(lastSignIn, "<[^>]+>", "");
        Assert.DoesNotContain("UTC", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("15:35", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC", page, StringComparison.Ordinal);
    }
}
