using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Consultations;

/// <summary>A lead closed as lost carries a reason from the list, on the lead page's form and in the API, and the reports count the reasons.</summary>
public sealed class Closing_a_lead_as_lost : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;
    private DashboardSession _mia = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(OutreachHost.DuringCallingHours(), "admin@clinic.example", Password, "--FollowUp:Acknowledgements=false");
        _ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
        _mia = await _host.StaffAsync("mia@clinic.example", "Mia", Password, Roles.Manager);
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        _mia.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<Guid> QualifiedAsync()
    {
        var lead = await _host.SubmittedAsync();
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadQualified(lead.LeadId, lead.QuoteRequestId, "B"));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId), l => l!.Tasks.Count == 1, what: "the lead's task");
        return lead.LeadId;
    }

    [Fact]
    public async Task Saving_lost_without_a_reason_shows_the_form_again_with_the_problem_beside_the_field_and_changes_nothing()
    {
        var leadId = await QualifiedAsync();

        using var response = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/status", new() { ["status"] = LeadStatus.Lost.Name() }, $"/dashboard/leads/{leadId}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("id=\"reason-error\">Choose why the lead was lost", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"reason-error\"", html, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.New, (await _host.Leads.GetAsync(leadId, Ct))!.Status);

        using var other = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/lost", new() { ["lostReason"] = "other" }, $"/dashboard/leads/{leadId}/lost");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("id=\"text-error\">Say what the other reason is.", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_reason_goes_on_the_lead_and_the_timeline_and_the_reports_count_each_reason_beside_the_bookings()
    {
        var byForm = await QualifiedAsync();
        var byApi = await QualifiedAsync();
        var other = await QualifiedAsync();
        var booked = await QualifiedAsync();
        using (var consultation = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{booked}/consultation",
                   new { startsAt = DateTimeOffset.UtcNow.AddDays(5), durationMinutes = 30, location = "Clinic", sendConfirmation = false }, Ct))
            Assert.Equal(HttpStatusCode.Created, consultation.StatusCode);

        using (var saved = await _ana.PostFormAsync($"/dashboard/leads/{byForm}/status",
                   new() { ["status"] = LeadStatus.Lost.Name(), ["lostReason"] = "price" }, $"/dashboard/leads/{byForm}"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var api = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{byApi}/lost", new { reason = "price" }, Ct))
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using (var api = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{other}/lost", new { reason = "other", text = "Moved abroad" }, Ct))
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using (var bad = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{other}/lost", new { reason = "too_expensive" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["reason"]);
        }

        var lead = (await _host.Leads.GetAsync(byForm, Ct))!;
        Assert.Equal(LeadStatus.Lost, lead.Status);
        Assert.Equal("price", lead.LostReason);
        Assert.All(lead.Tasks, t => Assert.Equal(FollowUpTaskStatus.Done, t.Status));
        Assert.Contains(lead.Timeline, e => e.Kind.Name() == "status_changed" && e.Summary == "Status: New → Lost. Reason: Price" && e.Actor == "Ana");
        var page = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{other}", Ct));
        Assert.Contains("id=\"lead-lost-reason\">Other: Moved abroad<", page, StringComparison.Ordinal);

        var funnel = (await _mia.Http.GetFromJsonAsync<JsonObject>("/api/v1/reports/funnel", Ct))!;
        Assert.Equal(1, (int)funnel["overall"]!["counts"]![3]!); // consultation booked: the booking's status change counts
        var reasons = funnel["lostReasons"]!.AsArray().ToDictionary(r => (string)r!["reason"]!, r => (int)r!["leads"]!);
        Assert.Equal(2, reasons["price"]);
        Assert.Equal(1, reasons["other"]);
        Assert.Equal(0, reasons["distance"]);
        var reports = WebUtility.HtmlDecode(await _mia.Http.GetStringAsync("/dashboard/reports", Ct));
        Assert.Contains("<tr data-reason=\"price\"><th scope=\"row\">Price</th><td>2</td></tr>", reports, StringComparison.Ordinal);
    }
}
