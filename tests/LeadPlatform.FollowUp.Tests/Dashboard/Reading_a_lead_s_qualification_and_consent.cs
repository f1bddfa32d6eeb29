using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// The lead page over real HTTP: a qualification that gave no reasons says so instead of an empty "Reasons" heading, and
/// when consent was given reads with its date as well as its time, in the clinic's clock and the lead's.
/// </summary>
public sealed partial class Reading_a_lead_s_qualification_and_consent : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private FakeTimeProvider _time = null!;
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _time = OutreachHost.DuringCallingHours();
        _host = await OutreachHost.StartAsync(_time, "--FollowUp:ClinicTimeZone=America/Chicago", "--FollowUp:Acknowledgements=false");
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        _ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_qualification_without_reasons_says_no_reasons_were_recorded_instead_of_an_empty_heading()
    {
        var submitted = await _host.SubmittedAsync();
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(
            SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId, "B") with { Reasons = [] });
        await Eventually.GetAsync(() => _host.Leads.GetAsync(submitted.LeadId), l => l?.Tasks.Count == 1, what: "the task");

        var page = await _ana.Http.GetStringAsync($"/dashboard/leads/{submitted.LeadId}");

        Assert.DoesNotMatch(EmptyReasonList(), page);
        Assert.Contains("<p id=\"reasons\">No reasons recorded.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_consent_was_given_reads_with_its_date_in_the_clinic_s_clock_and_the_lead_s()
    {
        var grantedAt = _time.GetUtcNow().AddHours(-1); // earlier the same day: the page showed only "11:00"
        var submitted = await _host.SubmittedAsync(m => m with { Consent = m.Consent with { Email = m.Consent.Email with { GrantedAt = grantedAt } } });

        var page = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{submitted.LeadId}"));

        var culture = CultureInfo.GetCultureInfo("en-GB");
        var here = TimeZoneInfo.ConvertTime(grantedAt, Chicago);
        var theirs = TimeZoneInfo.ConvertTime(grantedAt, LosAngeles); // the lead's ZIP code, 94110
        var expected = $"{here.ToString("ddd d MMM yyyy", culture)} {here.ToString("HH:mm", culture)} here · {theirs.ToString("HH:mm", culture)} for the lead";
        var row = EmailConsentRow().Match(page);
        Assert.True(row.Success, "the consent table has an email row");
        Assert.Contains(expected, row.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<ul id=\"reasons\">\\s*</ul>")]
    private static partial Regex EmptyReasonList();

    [GeneratedRegex("<table[^>]*id=\"consent-on-file\".*?<th scope=\"row\">Email</th>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex EmailConsentRow();
}
