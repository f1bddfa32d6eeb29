using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Officer;

/// <summary>
/// A manager reads the funnel by source with conversion rates and the speed to the first human contact (the automatic
/// acknowledgement apart), on the page (SVG charts), as CSV and from the API, and sees no person; a manager cannot
/// open a lead. Two leads from Google (one contacted by Ana ten minutes after it arrived, then booked), one from Facebook.
/// </summary>
public sealed class A_manager_reading_the_reports : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;
    private DashboardSession _mia = null!;
    private Guid _booked;
    private int _people;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Period => $"from={_time.GetUtcNow().AddDays(-1):yyyy-MM-dd}&to={_time.GetUtcNow().AddDays(1):yyyy-MM-dd}";

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(_time, AdminEmail, Password);
        _ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
        _mia = await _host.StaffAsync("mia@clinic.example", "Mia", Password, Roles.Manager);

        var arrived = _time.GetUtcNow();
        var booked = await LeadAsync("google", "spring", qualified: true);
        var other = await LeadAsync("google", "spring", qualified: true);
        await LeadAsync("facebook", null, qualified: false);
        foreach (var leadId in new[] { booked, other })
        {
            // The outbox that carries the task to the acknowledgement polls on the host's clock: let it tick.
            await Eventually.GetAsync(async () => { _time.Advance(TimeSpan.FromMilliseconds(200)); return await _host.Leads.GetAsync(leadId, Ct); },
                l => l!.Outreach.Exists(o => o.Kind == OutreachKinds.Acknowledgement && o.Status == OutreachStatus.Sent), what: "the acknowledgement");
        }
        _time.SetUtcNow(arrived.AddMinutes(10));
        using (var sent = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{booked}/outreach",
                   new { channel = "email", subject = "Your inquiry", body = "Hello Maria, thank you for your inquiry. When may we call you?" }, Ct))
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync(Ct));
        using (var status = await _ana.PostFormAsync($"/dashboard/leads/{booked}/status", new() { ["status"] = LeadStatus.ConsultationBooked.Name() }, $"/dashboard/leads/{booked}"))
            Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        _booked = booked;
    }

    private async Task<Guid> LeadAsync(string utmSource, string? campaign, bool qualified)
    {
        var submitted = await _host.SubmittedAsync(s => s with
        {
            OccurredAt = _time.GetUtcNow(),
            // Three different people (one person gets one automatic acknowledgement a day, and would be linked as the same).
            Person = s.Person with { Email = $"lead{++_people}@example.com", Phone = $"+1415555{_people:0000}" },
            Source = s.Source with { UtmSource = utmSource, UtmCampaign = campaign },
        });
        if (qualified)
        {
            await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId) with { OccurredAt = _time.GetUtcNow() }, Ct);
        }
        return submitted.LeadId;
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        _mia.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_API_gives_conversion_by_source_and_the_speed_to_the_first_human_contact_apart_from_the_acknowledgement()
    {
        var report = (await _mia.Http.GetFromJsonAsync<JsonObject>($"/api/v1/reports/funnel?{Period}&groupBy=source", Ct))!;

        Assert.Equal("source", (string?)report["groupBy"]);
        Assert.Equal(["Submitted", "Qualified", "Contacted", "Consultation booked"], report["stages"]!.AsArray().Select(s => (string?)s));
        Assert.Equal([3, 2, 1, 1], report["overall"]!["counts"]!.AsArray().Select(c => (int)c!));
        var google = report["groups"]!.AsArray().Single(g => (string?)g!["key"] == "google")!;
        Assert.Equal([2, 2, 1, 1], google["counts"]!.AsArray().Select(c => (int)c!));
        Assert.Equal([1.0, 1.0, 0.5, 0.5], google["rates"]!.AsArray().Select(c => (double)c!));
        var facebook = report["groups"]!.AsArray().Single(g => (string?)g!["key"] == "facebook")!;
        Assert.Equal([1, 0, 0, 0], facebook["counts"]!.AsArray().Select(c => (int)c!));

        Assert.Equal(1, (int)report["speedToFirstHumanContact"]!["leads"]!);
        Assert.Equal(600, (double)report["speedToFirstHumanContact"]!["p50Seconds"]!);
        Assert.Equal(2, (int)report["speedToAcknowledgement"]!["leads"]!);
        Assert.True((double)report["speedToAcknowledgement"]!["p50Seconds"]! < 600);
        var ana = Assert.Single(report["speedByCoordinator"]!.AsArray())!;
        Assert.Equal("Ana", (string?)ana["key"]);
        Assert.Equal(600, (double)report["speedBySource"]!.AsArray().Single(g => (string?)g!["key"] == "google")!["speed"]!["p50Seconds"]!);
        Assert.DoesNotContain("maria", report.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_page_draws_the_conversion_by_source_and_the_CSV_has_a_row_per_source()
    {
        var html = await _mia.Http.GetStringAsync($"/dashboard/reports?{Period}&groupBy=source", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/funnel?{Period}&groupBy=campaign");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var campaignCsv = await _mia.Http.SendAsync(request, Ct);
        var csv = await _mia.Http.GetStringAsync($"/dashboard/reports/funnel.csv?{Period}&groupBy=source", Ct);

        Assert.Contains("<svg class=\"chart\" id=\"conversion-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("google: Submitted 2 (100%), Qualified 2 (100%), Contacted 1 (50%), Consultation booked 1 (50%)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", html, StringComparison.Ordinal);
        Assert.DoesNotContain(_booked.ToString(), html, StringComparison.OrdinalIgnoreCase);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["group_by,group,submitted,qualified,contacted,consultation_booked,qualified_rate,contacted_rate,consultation_booked_rate",
            "all,all,3,2,1,1,0.6667,0.3333,0.3333", "source,google,2,2,1,1,1,0.5,0.5", "source,facebook,1,0,0,0,0,0,0"], lines);
        Assert.Contains("campaign,spring,2,2,1,1,1,0.5,0.5", await campaignCsv.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_lands_on_the_reports_and_cannot_open_a_lead_or_the_queue()
    {
        using var start = await _mia.Http.GetAsync("/dashboard", Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var forbidden = await _mia.Http.GetAsync(start.Headers.Location, Ct);
        Assert.Equal("/dashboard/reports", forbidden.Headers.Location?.OriginalString);

        using var lead = await _mia.Http.GetAsync($"/dashboard/leads/{_booked}", Ct);
        using var api = await _mia.Http.GetAsync($"/api/v1/leads/{_booked}", Ct);
        Assert.Contains("/dashboard/forbidden", lead.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using var coordinator = await _ana.Http.GetAsync($"/api/v1/reports/funnel?{Period}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
    }

    [Fact]
    public async Task An_unknown_grouping_is_a_problem_naming_the_field()
    {
        using var response = await _mia.Http.GetAsync($"/api/v1/reports/funnel?{Period}&groupBy=zodiac", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().ContainsKey("groupBy"));
    }
}
