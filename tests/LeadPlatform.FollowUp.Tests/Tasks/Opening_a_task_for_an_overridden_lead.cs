using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>
/// An admin overrides a not-eligible lead's eligibility over real HTTP: its task is opened the way a qualified lead's is —
/// due by its tier's SLA in the clinic's business hours, assigned round-robin, the assignee alerted on the dashboard and at
/// their work address, and "task created" on the timeline (the override's task had no assignee and raised no alert).
/// </summary>
public sealed class Opening_a_task_for_an_overridden_lead : IAsyncLifetime
{
    private AssignmentHost _assignment = null!;
    private FakeTimeProvider _time = null!;
    private OutreachHost _host = null!;
    private DashboardSession _admin = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        // The backlog watch is parked (AssignmentHost): it must not assign the task instead.
        _assignment = await AssignmentHost.StartAsync(("ana@clinic.example", "Ana Ruiz"));
        await _assignment.Accounts.UpdateAsync(_assignment.Account("ana@clinic.example").Id, a => a.AlertEmail = "ana.ruiz@work.clinic.example");
        (_time, _host, _admin, _ana) = (_assignment.Time, _assignment.Host, _assignment.Admin, _assignment.Session("ana@clinic.example"));
    }

    public ValueTask DisposeAsync() => _assignment.DisposeAsync();

    [Fact]
    public async Task The_overridden_lead_s_task_has_an_assignee_a_business_hours_due_time_and_the_assignee_s_alert_like_a_qualified_lead_s()
    {
        var since = _time.GetUtcNow().AddSeconds(-1);
        var mediator = _host.Host.App.Services.GetRequiredService<IMediator>();
        var qualified = await _host.SubmittedAsync(m => m with { Person = m.Person with { FirstName = "Lucia" } });
        await mediator.Publish(SampleMessages.LeadQualified(qualified.LeadId, qualified.QuoteRequestId, "C") with { OccurredAt = _time.GetUtcNow() });
        var disqualified = await _host.SubmittedAsync(m => m with { Person = m.Person with { FirstName = "Marisol" } });
        await mediator.Publish(SampleMessages.LeadDisqualified(disqualified.LeadId, disqualified.QuoteRequestId));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(disqualified.LeadId), l => l?.Status == LeadStatus.NotEligible, what: "not eligible");
        var qualifiedTask = (await Eventually.GetAsync(() => _host.Leads.GetAsync(qualified.LeadId), l => l?.Tasks.Count == 1, what: "the qualified lead's task"))!.Tasks[0];

        using var overridden = await _admin.PostFormAsync($"/dashboard/leads/{disqualified.LeadId}/override",
            new() { ["reason"] = "The date of birth was mistyped; confirmed adult by phone." }, $"/dashboard/leads/{disqualified.LeadId}");
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);

        var lead = (await _host.Leads.GetAsync(disqualified.LeadId))!;
        var task = Assert.Single(lead.Tasks);
        // Assigned round-robin (Ana is the only coordinator), as the qualified lead's task is.
        Assert.Equal("ana@clinic.example", qualifiedTask.AssignedTo);
        Assert.Equal("ana@clinic.example", task.AssignedTo);
        Assert.Equal(task.CreatedAt, task.AssignedAt);
        // Due by tier C's SLA (the next business day's close, not 24 hours of wall-clock time), in the lead's contact window.
        var due = _host.Host.App.Services.GetRequiredService<TaskDueTimes>();
        Assert.Equal(due.DueAt("C", task.CreatedAt, lead), task.DueAt);
        Assert.NotEqual(task.CreatedAt + TimeSpan.FromDays(1), task.DueAt);
        Assert.Equal(qualifiedTask.DueAt, task.DueAt);
        var created = Assert.Single(lead.Timeline, e => e.Kind.Name() == "task_created");
        Assert.Equal(task.Id.ToString(), created.Details["taskId"]);
        Assert.Equal("ana@clinic.example", created.Details["assignedTo"]);
        Assert.Equal(task.Id.ToString(), Assert.Single(lead.Timeline, e => e.Kind.Name() == "eligibility_overridden").Details["taskId"]);

        // Ana hears of both on the dashboard and at her work address.
        var feed = (await _ana.Http.GetFromJsonAsync<JsonObject>($"/api/v1/alerts?since={Uri.EscapeDataString(since.ToString("O"))}"))!;
        Assert.Equal([qualifiedTask.Id.ToString(), task.Id.ToString()], feed["items"]!.AsArray().Select(a => (string?)a!["taskId"]).Order());
        var folder = Path.Combine(_host.DataFolder, "outbox", "staff-email");
        var emails = await Eventually.GetAsync(() => Task.FromResult(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []), f => f.Length == 2,
            what: "both staff alert emails");
        Assert.Contains(emails!, f => (MimeKit.MimeMessage.Load(f).Subject ?? string.Empty).Contains("Marisol", StringComparison.Ordinal));
    }
}
