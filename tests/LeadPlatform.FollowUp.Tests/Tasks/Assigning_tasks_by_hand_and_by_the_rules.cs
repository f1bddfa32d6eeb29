using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>
/// Assignment beyond the round-robin of new leads, over real HTTP: a coordinator takes a task or hands on their own, an
/// admin assigns anyone; the round-robin skips people off shift, on leave or at capacity; the backlog is handed out, most
/// urgent first, when someone comes on duty; a tier-A lead nobody opened in time is re-offered; the new assignee is alerted
/// (the dashboard's feed, and an email to their work address with the first name, tier and link only).
/// </summary>
public sealed class Assigning_tasks_by_hand_and_by_the_rules : IAsyncLifetime
{
    private const string Password = AssignmentHost.Password;
    private AssignmentHost _assignment = null!;
    private FakeTimeProvider _time = null!;
    private OutreachHost _host = null!;
    private AccountService _accounts = null!;
    private DashboardSession _admin = null!;
    private DashboardSession _ana = null!;
    private DashboardSession _ben = null!;
    private UserAccount _anaAccount = null!;
    private UserAccount _benAccount = null!;

    public async ValueTask InitializeAsync()
    {
        _assignment = await AssignmentHost.StartAsync(("ana@clinic.example", "Ana Ruiz"), ("ben@clinic.example", "Ben Okafor"));
        (_time, _host, _accounts, _admin) = (_assignment.Time, _assignment.Host, _assignment.Accounts, _assignment.Admin);
        (_anaAccount, _ana) = (_assignment.Account("ana@clinic.example"), _assignment.Session("ana@clinic.example"));
        (_benAccount, _ben) = (_assignment.Account("ben@clinic.example"), _assignment.Session("ben@clinic.example"));
    }

    public ValueTask DisposeAsync() => _assignment.DisposeAsync();

    private async Task<(Guid LeadId, Guid TaskId)> QualifiedLeadAsync(string tier = "B", string? firstName = null)
    {
        var submitted = await _host.SubmittedAsync(firstName is null ? null : m => m with { Person = m.Person with { FirstName = firstName } });
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId, tier));
        var lead = await Eventually.GetAsync(() => _host.Leads.GetAsync(submitted.LeadId), l => l?.Tasks.Count == 1, what: "the follow-up task");
        return (submitted.LeadId, lead!.Tasks[0].Id);
    }

    private async Task<FollowUpTask> TaskAsync(Guid leadId) => (await _host.Leads.GetAsync(leadId))!.Tasks.Single();

    private static Task<HttpResponseMessage> AssignAsync(DashboardSession who, Guid taskId, string? coordinator) =>
        who.Http.PutAsJsonAsync($"/api/v1/tasks/{taskId}/assignee", new { coordinator });

    private async Task OffDutyAsync(params UserAccount[] accounts)
    {
        foreach (var a in accounts) await _accounts.UpdateAsync(a.Id, x => x.OnDuty = false);
    }

    [Fact]
    public async Task A_coordinator_takes_a_task_but_cannot_give_away_someone_elses_and_an_admin_assigns_anyone()
    {
        await OffDutyAsync(_anaAccount, _benAccount);
        var (leadId, taskId) = await QualifiedLeadAsync();
        Assert.Null((await TaskAsync(leadId)).AssignedTo);

        using (var taken = await AssignAsync(_ana, taskId, "ana@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            var body = (await taken.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("ana@clinic.example", (string?)body["coordinator"]);
            Assert.Equal("Ana Ruiz", (string?)body["name"]);
        }
        using (var unknown = await AssignAsync(_ben, taskId, "nobody@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.NotNull((await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["coordinator"]);
        }
        // Ben may take it himself, but not hand Ana's task to someone else.
        using (var handedOn = await AssignAsync(_ben, taskId, "ana@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.OK, handedOn.StatusCode); // already Ana's: unchanged
        }
        var cleo = (await _accounts.CreateAsync("cleo@clinic.example", "Cleo Park", Password, [Roles.Coordinator])).Account!;
        using (var forbidden = await AssignAsync(_ben, taskId, "cleo@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        Assert.Equal("ana@clinic.example", (await TaskAsync(leadId)).AssignedTo);
        using (var byAdmin = await AssignAsync(_admin, taskId, "cleo@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        }
        await _accounts.UpdateAsync(cleo.Id, a => a.OnLeave = true);
        using (var onLeave = await AssignAsync(_admin, taskId, "cleo@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.OK, onLeave.StatusCode); // already hers
        }
        using (var toLeave = await AssignAsync(_admin, taskId, "ben@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.OK, toLeave.StatusCode);
        }
        using (var refusedLeave = await AssignAsync(_admin, taskId, "cleo@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refusedLeave.StatusCode);
            Assert.Contains("leave", (string)(await refusedLeave.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["coordinator"]![0]!, StringComparison.Ordinal);
        }
        await _accounts.AdministerAsync(cleo.Id, "test", AccountAdministration.Disable, null);
        using (var disabled = await AssignAsync(_admin, taskId, "cleo@clinic.example"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, disabled.StatusCode);
            Assert.NotNull((await disabled.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["coordinator"]);
        }

        var lead = (await _host.Leads.GetAsync(leadId))!;
        Assert.Equal("ben@clinic.example", lead.Tasks.Single().AssignedTo);
        var moves = lead.Timeline.Where(e => e.Kind.Name() == "task_assigned").Select(e => e.Summary).ToList();
        Assert.Equal(["Task assigned to Ana Ruiz (was unassigned)", "Task assigned to Cleo Park (was Ana Ruiz)", "Task assigned to Ben Okafor (was Cleo Park)"], moves);
        // Names, never only an email: on the queue and in the API.
        var rows = WebUtility.HtmlDecode(await _admin.Http.GetStringAsync("/dashboard/queue/rows?scope=all"));
        Assert.Contains("Ben Okafor", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("ben@clinic.example", rows, StringComparison.Ordinal);
        var page = (await _admin.Http.GetFromJsonAsync<JsonObject>("/api/v1/tasks?page=1&pageSize=10"))!;
        Assert.Equal("Ben Okafor", (string?)page["items"]![0]!["assignedToName"]);
    }

    [Fact]
    public async Task An_admin_sets_working_hours_leave_capacity_and_alert_address_on_the_accounts_page_and_bad_values_are_refused()
    {
        using var saved = await _admin.PostFormAsync($"/dashboard/accounts/{_anaAccount.Id}/assignment", new()
        {
            ["workDays"] = "Monday", ["workStart"] = "08:00", ["workEnd"] = "16:30", ["leaveFrom"] = "2030-07-01", ["leaveUntil"] = "2030-07-14",
            ["maxOpenTasks"] = "12", ["alertEmail"] = "ana.ruiz@work.clinic.example",
        }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var ana = (await _accounts.GetAsync(_anaAccount.Id))!;
        Assert.Equal([DayOfWeek.Monday], ana.WorkDays);
        Assert.Equal(("08:00", "16:30", 12, "ana.ruiz@work.clinic.example"), (ana.WorkStart, ana.WorkEnd, ana.MaxOpenTasks, ana.AlertEmail));
        Assert.Equal(new DateTimeOffset(2030, 7, 1, 0, 0, 0, TimeSpan.Zero), ana.LeaveFrom);
        Assert.Equal(new DateTimeOffset(2030, 7, 15, 0, 0, 0, TimeSpan.Zero), ana.LeaveUntil); // the whole last day
        var page = WebUtility.HtmlDecode(await _admin.Http.GetStringAsync("/dashboard/accounts"));
        Assert.Contains("Works Mon 08:00–16:30 · leave 2030-07-01 to 2030-07-14 · at most 12 open tasks · alerts by email.", page, StringComparison.Ordinal);

        using var bad = await _admin.PostFormAsync($"/dashboard/accounts/{_anaAccount.Id}/assignment",
            new() { ["workStart"] = "8 o'clock", ["maxOpenTasks"] = "-3" }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(12, (await _accounts.GetAsync(_anaAccount.Id))!.MaxOpenTasks);
        using var notAdmin = await _ana.PostFormAsync($"/dashboard/accounts/{_anaAccount.Id}/assignment", new() { ["maxOpenTasks"] = "99" }, "/dashboard");
        Assert.StartsWith("/dashboard/forbidden", notAdmin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(12, (await _accounts.GetAsync(_anaAccount.Id))!.MaxOpenTasks);
    }

    [Fact]
    public async Task The_round_robin_skips_a_coordinator_off_shift_or_at_capacity()
    {
        // The clock says 18:00 UTC (the clinic's time zone is UTC here): Ana works 08:00-12:00.
        await _accounts.UpdateAsync(_anaAccount.Id, a => { a.WorkStart = "08:00"; a.WorkEnd = "12:00"; });
        await _accounts.UpdateAsync(_benAccount.Id, a => a.MaxOpenTasks = 1);

        var (first, _) = await QualifiedLeadAsync();
        var (second, _) = await QualifiedLeadAsync();

        Assert.Equal("ben@clinic.example", (await TaskAsync(first)).AssignedTo);
        Assert.Null((await TaskAsync(second)).AssignedTo); // Ben is at capacity, Ana off shift
        Assert.Contains((await _host.Leads.GetAsync(second))!.Timeline, e => e.Kind.Name() == "task_created" && e.Summary.Contains("unassigned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_backlog_goes_out_most_urgent_first_when_a_coordinator_comes_on_duty_up_to_their_capacity()
    {
        await OffDutyAsync(_anaAccount, _benAccount);
        var (tierC, _) = await QualifiedLeadAsync("C");
        var (tierA, _) = await QualifiedLeadAsync("A");
        var (tierB, _) = await QualifiedLeadAsync("B");
        foreach (var id in new[] { tierA, tierB, tierC }) Assert.Null((await TaskAsync(id)).AssignedTo);
        await _accounts.UpdateAsync(_anaAccount.Id, a => a.MaxOpenTasks = 2);

        using var onDuty = await _admin.PostFormAsync($"/dashboard/accounts/{_anaAccount.Id}/availability", new() { ["availability"] = "on_duty" }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.Redirect, onDuty.StatusCode);

        Assert.Equal("ana@clinic.example", (await TaskAsync(tierA)).AssignedTo);
        Assert.Equal("ana@clinic.example", (await TaskAsync(tierB)).AssignedTo);
        Assert.Null((await TaskAsync(tierC)).AssignedTo); // the least urgent waits: Ana is at her capacity of 2
        var mine = await _ana.Http.GetStringAsync("/dashboard");
        Assert.Contains($"/dashboard/leads/{tierA}", mine, StringComparison.Ordinal); // "My tasks" is her default view
        Assert.DoesNotContain($"/dashboard/leads/{tierC}", mine, StringComparison.Ordinal);

        // Ben comes on duty later: the background check (on the host's clock) gives him the rest.
        await _accounts.UpdateAsync(_benAccount.Id, a => a.OnDuty = true);
        await _host.Host.App.Services.GetRequiredService<AssignmentWatch>().CheckAsync(TestContext.Current.CancellationToken);
        Assert.Equal("ben@clinic.example", (await TaskAsync(tierC)).AssignedTo);
    }

    [Fact]
    public async Task A_tier_A_lead_nobody_opened_in_time_is_re_offered_to_the_next_coordinator_and_shown_to_the_admin()
    {
        var (unopened, _) = await QualifiedLeadAsync("A", "Marisol");
        var (opened, _) = await QualifiedLeadAsync("A", "Tomas");
        var firstOwner = (await TaskAsync(unopened)).AssignedTo;
        var openedOwner = (await TaskAsync(opened)).AssignedTo;
        var openedOwnerSession = openedOwner == "ana@clinic.example" ? _ana : _ben;
        await openedOwnerSession.Http.GetStringAsync($"/dashboard/leads/{opened}");

        _time.Advance(TimeSpan.FromMinutes(11));
        await _host.Host.App.Services.GetRequiredService<AssignmentWatch>().CheckAsync(TestContext.Current.CancellationToken);

        var task = await TaskAsync(unopened);
        Assert.NotEqual(firstOwner, task.AssignedTo);
        Assert.Equal(firstOwner, task.ReofferedFrom);
        Assert.NotNull(task.ReofferedAt);
        Assert.Equal(openedOwner, (await TaskAsync(opened)).AssignedTo);
        Assert.Null((await TaskAsync(opened)).ReofferedAt);
        var adminQueue = WebUtility.HtmlDecode(await _admin.Http.GetStringAsync("/dashboard"));
        Assert.Contains("Tier-A leads not opened in time", adminQueue, StringComparison.Ordinal);
        Assert.Contains("Marisol", adminQueue, StringComparison.Ordinal);
        // Once: another look later changes nothing.
        _time.Advance(TimeSpan.FromMinutes(30));
        await _host.Host.App.Services.GetRequiredService<AssignmentWatch>().CheckAsync(TestContext.Current.CancellationToken);
        Assert.Equal(task.AssignedTo, (await TaskAsync(unopened)).AssignedTo);
    }

    [Fact]
    public async Task The_assigned_coordinator_is_alerted_on_the_dashboard_and_at_their_work_address_without_health_details()
    {
        await _accounts.UpdateAsync(_anaAccount.Id, a => a.AlertEmail = "ana.ruiz@work.clinic.example");
        await _accounts.UpdateAsync(_benAccount.Id, a => a.OnDuty = false);
        var since = _time.GetUtcNow().AddSeconds(-1);
        var (leadId, taskId) = await QualifiedLeadAsync("A", "Lucia");

        var feed = (await _ana.Http.GetFromJsonAsync<JsonObject>($"/api/v1/alerts?since={Uri.EscapeDataString(since.ToString("O"))}"))!;
        var alert = Assert.Single(feed["items"]!.AsArray())!;
        Assert.Equal(taskId.ToString(), (string?)alert["taskId"]);
        Assert.Equal("Lucia", (string?)alert["firstName"]);
        Assert.Equal("A", (string?)alert["tier"]);
        Assert.Equal($"/dashboard/leads/{leadId}", (string?)alert["url"]);
        Assert.Empty((await _ben.Http.GetFromJsonAsync<JsonObject>($"/api/v1/alerts?since={Uri.EscapeDataString(since.ToString("O"))}"))!["items"]!.AsArray());

        var file = await Eventually.GetAsync(() => Task.FromResult(Directory.Exists(Path.Combine(_host.DataFolder, "outbox", "staff-email"))
            ? Directory.GetFiles(Path.Combine(_host.DataFolder, "outbox", "staff-email"), "*.eml") : []), f => f.Length == 1, what: "the staff alert email");
        var email = MimeMessage.Load(file[0]);
        Assert.Equal("ana.ruiz@work.clinic.example", email.To.Mailboxes.Single().Address);
        Assert.Contains("Lucia", email.Subject, StringComparison.Ordinal);
        Assert.Contains("tier A", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/dashboard/leads/{leadId}", email.TextBody, StringComparison.Ordinal);
        var lead = (await _host.Leads.GetAsync(leadId))!;
        Assert.DoesNotContain(lead.Inquiry!.Condition, email.TextBody + email.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(lead.Person!.LastName, email.TextBody + email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(lead.Person.Email ?? "@@", email.TextBody, StringComparison.Ordinal);
    }
}
