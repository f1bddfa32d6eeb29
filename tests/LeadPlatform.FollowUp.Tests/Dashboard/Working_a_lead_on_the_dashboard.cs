using System.Net;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// A coordinator's actions through the dashboard's forms over real HTTP, each on the lead's timeline with who and when;
/// a fixed clock inside calling hours (calls depend on the lead's local time).
/// </summary>
public sealed class Working_a_lead_on_the_dashboard : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours());
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        _ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Status_changes_and_notes_go_on_the_timeline_with_who_and_when_and_the_funnel_counts_them()
    {
        var leadId = await _host.QualifiedLeadAsync();

        foreach (var status in new[] { LeadStatus.Contacted, LeadStatus.QuoteSent, LeadStatus.ConsultationBooked })
        {
            using var changed = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/status", new() { ["status"] = status.Name() }, $"/dashboard/leads/{leadId}");
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }
        using var note = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/notes", new() { ["text"] = "Prefers mornings <b>please</b>." }, $"/dashboard/leads/{leadId}");
        using var unknown = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/status", new() { ["status"] = "teleported" }, $"/dashboard/leads/{leadId}");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var lead = (await _host.Leads.GetAsync(leadId))!;
        Assert.Equal(LeadStatus.ConsultationBooked, lead.Status);
        var changes = lead.Timeline.Where(e => e.Kind.Name() == "status_changed").ToList();
        Assert.Equal([LeadStatus.Contacted.Name(), LeadStatus.QuoteSent.Name(), LeadStatus.ConsultationBooked.Name()], changes.Select(e => e.Details["to"]));
        Assert.All(changes, e => Assert.Equal("Ana", e.Actor));
        Assert.Equal([LeadStatus.New.Name(), LeadStatus.Contacted.Name(), LeadStatus.QuoteSent.Name()], changes.Select(e => e.Details["from"]));
        Assert.All(lead.Tasks, t => Assert.Equal(FollowUpTaskStatus.Done, t.Status));
        Assert.Single(lead.Timeline, e => e.Kind.Name() == "note" && e.Actor == "Ana" && e.Summary == "Prefers mornings <b>please</b>.");

        var page = await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}");
        Assert.Contains("Contacted → Quote sent", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Prefers mornings &lt;b&gt;please&lt;/b&gt;.", page, StringComparison.Ordinal);
        var funnel = await _ana.Http.GetStringAsync("/dashboard/funnel?days=7");
        Assert.Contains("data-stage=\"consultation_booked\"><th scope=\"row\">Consultation booked</th><td>1</td>", funnel, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"won\"><th scope=\"row\">Won</th><td>0</td>", funnel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_not_eligible_lead_is_listed_and_an_override_with_a_reason_puts_it_in_the_queue()
    {
        var submitted = await _host.SubmittedAsync();
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadDisqualified(submitted.LeadId, submitted.QuoteRequestId));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(submitted.LeadId), l => l?.Status == LeadStatus.NotEligible, what: "not eligible");
        Assert.Contains($"/dashboard/leads/{submitted.LeadId}", await _ana.Http.GetStringAsync("/dashboard/not-eligible"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/dashboard/leads/{submitted.LeadId}", await _ana.Http.GetStringAsync("/dashboard/queue/rows"), StringComparison.Ordinal);

        using var withoutReason = await _ana.PostFormAsync($"/dashboard/leads/{submitted.LeadId}/override", new() { ["reason"] = " " }, "/dashboard");
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        using var overridden = await _ana.PostFormAsync($"/dashboard/leads/{submitted.LeadId}/override",
            new() { ["reason"] = "The date of birth was mistyped; confirmed adult by phone." }, "/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);

        var lead = (await _host.Leads.GetAsync(submitted.LeadId))!;
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.Single(lead.Tasks, t => t.Status == FollowUpTaskStatus.Open);
        var entry = Assert.Single(lead.Timeline, e => e.Kind.Name() == "eligibility_overridden");
        Assert.Equal("Ana", entry.Actor);
        Assert.Equal("The date of birth was mistyped; confirmed adult by phone.", entry.Details["reason"]);
        Assert.Contains($"/dashboard/leads/{submitted.LeadId}", await _ana.Http.GetStringAsync("/dashboard/queue/rows"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/dashboard/leads/{submitted.LeadId}", await _ana.Http.GetStringAsync("/dashboard/not-eligible"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_searches_by_name_email_and_phone_filters_by_tier_and_marks_overdue_tasks()
    {
        var leadId = await _host.QualifiedLeadAsync(m => m with { Person = m.Person with { FirstName = "Zelda", Email = "zelda.q@fastmail.com", Phone = "+14155550177" } }, longAgo: true);
        var other = await _host.QualifiedLeadAsync();

        foreach (var search in new[] { "zelda", "ZELDA.Q@fastmail", "555-0177" })
        {
            var rows = await _ana.Http.GetStringAsync($"/dashboard/queue/rows?search={Uri.EscapeDataString(search)}");
            Assert.Contains($"/dashboard/leads/{leadId}", rows, StringComparison.Ordinal);
            Assert.DoesNotContain($"/dashboard/leads/{other}", rows, StringComparison.Ordinal);
        }
        Assert.DoesNotContain($"/dashboard/leads/{leadId}", await _ana.Http.GetStringAsync("/dashboard/queue/rows?tier=A"), StringComparison.Ordinal);
        Assert.Contains($"/dashboard/leads/{leadId}", await _ana.Http.GetStringAsync("/dashboard/queue/rows?tier=B"), StringComparison.Ordinal);
        // Zelda was qualified three days before the fixed clock; tier B's SLA has run out: overdue.
        Assert.Contains("class=\"overdue\"", await _ana.Http.GetStringAsync("/dashboard/queue/rows"), StringComparison.Ordinal);
        // Ana is the coordinator account on duty: the round-robin gave her the new tasks, so they are in "my tasks" too.
        Assert.Contains($"/dashboard/leads/{leadId}", await _ana.Http.GetStringAsync("/dashboard/queue/rows?scope=mine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_a_call_shows_the_script_with_its_read_aloud_disclaimer_and_the_confirmation_makes_it_sent()
    {
        var leadId = await _host.QualifiedLeadAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var script = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/call",
            new() { ["body"] = "Ask how the pain has been since the last physical therapy session." }, $"/dashboard/leads/{leadId}/call");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var html = await script.Content.ReadAsStringAsync();
        Assert.Contains("id=\"read-aloud\"", html, StringComparison.Ordinal);
        var outreach = Assert.Single((await _host.Leads.GetAsync(leadId))!.Outreach, o => o.Channel == "phone");
        Assert.Equal(OutreachStatus.AwaitingReadConfirmation, outreach.Status);

        using var unconfirmed = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/call/{outreach.Id}/confirm", new(), $"/dashboard/leads/{leadId}/call");
        Assert.Equal(OutreachStatus.AwaitingReadConfirmation, (await _host.Leads.GetAsync(leadId))!.Outreach.Single(o => o.Id == outreach.Id).Status);
        using var confirmed = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/call/{outreach.Id}/confirm", new() { ["confirmed"] = "true" }, $"/dashboard/leads/{leadId}/call");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var sent = (await _host.Leads.GetAsync(leadId))!.Outreach.Single(o => o.Id == outreach.Id);
        Assert.Equal(OutreachStatus.Sent, sent.Status);
        Assert.Equal("Ana", sent.ReadConfirmedBy);
        Assert.Equal("Ana", sent.Author);
    }
}
