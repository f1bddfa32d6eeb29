using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Scheduling;

/// <summary>
/// Over real HTTP, a clinic in New York and a lead in San Francisco, at 06:00 UTC (01:00 or 02:00 in New York, 22:00 or
/// 23:00 the evening before in San Francisco): a text scheduled for the lead's 08:00 is shown on the lead page and in the
/// queue as the clinic's 11:00 with the lead's 08:00 beside it, not in UTC.
/// </summary>
public sealed class Showing_scheduled_times_in_clinic_and_lead_time : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(6), TimeSpan.Zero));
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(_time, AdminEmail, Password, "--FollowUp:ClinicTimeZone=America/New_York");
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_lead_page_and_the_queue_show_the_clinic_s_time_with_the_lead_s_beside_it()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password, _time);
        var compose = $"/dashboard/leads/{lead.LeadId}/compose?channel=sms";
        await ana.Http.GetStringAsync(compose);
        using var sent = await ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/compose",
            new() { ["channel"] = "sms", ["body"] = "Hi Maria, your quote is ready: may I call you about it?", ["whenNotAllowedNow"] = "schedule" }, compose);

        var page = System.Net.WebUtility.HtmlDecode(await ana.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}"));
        var queue = System.Net.WebUtility.HtmlDecode(await ana.Http.GetStringAsync("/dashboard"));

        var section = page[page.IndexOf("id=\"scheduled-outreach\"", StringComparison.Ordinal)..];
        Assert.Contains("11:00 here · ", section, StringComparison.Ordinal);
        Assert.Matches(@"11:00 here · \w{3} \d{1,2} \w{3} 08:00 for the lead", section);
        Assert.DoesNotContain("For (UTC)", section, StringComparison.Ordinal);
        var waiting = queue[queue.IndexOf("id=\"waiting-outreach\"", StringComparison.Ordinal)..];
        Assert.Matches(@"11:00 here · \w{3} \d{1,2} \w{3} 08:00 for the lead", waiting);
        Assert.DoesNotContain(" UTC</time>", waiting, StringComparison.Ordinal);
    }
}
