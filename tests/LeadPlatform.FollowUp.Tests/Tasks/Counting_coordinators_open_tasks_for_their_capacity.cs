using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using CountingLeadStore = LeadPlatform.FollowUp.Tests.Tasks.Checking_assignments_among_many_open_leads.CountingLeadStore;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>
/// A coordinator with a capacity (at most so many open tasks) gets no task beyond it. Counting what each one holds read
/// every lead with an open task, unsealed whole, for every task assigned: a hand-out of a backlog of n tasks among m open
/// leads read n × m leads. The count now comes from the tasks alone (no lead document returned), once per hand-out, each
/// assignment added as it is made; counted here on the store follow-up uses (the counting decorator over <see cref="ILeadStore"/>).
/// </summary>
public sealed class Counting_coordinators_open_tasks_for_their_capacity : IAsyncLifetime
{
    private const int OpenLeads = 200;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(11), TimeSpan.Zero));
    private ModuleHarness _module = null!;
    private CountingLeadStore _counter = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:ClinicPostalAddress"] = OutreachHost.ClinicAddress;
            b.Configuration["FollowUp:Assignment:CheckInterval"] = "7.00:00:00"; // the test runs the hand-out itself
            b.Configuration["FollowUp:Escalation:Enabled"] = "false";
            b.Services.AddSingleton<TimeProvider>(_time);
            // Ana may hold 101 open tasks, Ben 100; Cleo has no limit but is off duty.
            b.Services.AddSingleton<ICoordinatorRoster>(new FixedRoster([
                new Coordinator("ana@clinic.example", "Ana", true, null) { MaxOpenTasks = 101 },
                new Coordinator("ben@clinic.example", "Ben", true, null) { MaxOpenTasks = 100 },
                new Coordinator("cleo@clinic.example", "Cleo", false, null),
            ]));
            b.AddFollowUp();
            CountingLeadStore.Decorate(b.Services, c => _counter = c);
        }, bus => bus.AddFollowUpConsumers());

    public ValueTask DisposeAsync() => _module.DisposeAsync();

    private ILeadStore Leads
    {
        get
        {
            _ = _module.Services.GetRequiredService<ILeadStore>(); // the decorator exists (the counter with it)
            return _counter.Inner;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> StoredLeadAsync(string? assignedTo, FollowUpTaskStatus status = FollowUpTaskStatus.Open, string? alsoClosedFor = null)
    {
        var now = StoredTime.Truncate(_time.GetUtcNow());
        var lead = LeadDocument.New(Ids.New(), now - TimeSpan.FromHours(1));
        lead.Tasks.Add(new FollowUpTask
        {
            Id = Ids.New(), QuoteRequestId = Ids.New(), Tier = "B", CreatedAt = now - TimeSpan.FromMinutes(5), DueAt = now + TimeSpan.FromHours(1),
            AssignedTo = assignedTo, AssignedAt = assignedTo is null ? null : now - TimeSpan.FromMinutes(5), Status = status,
        });
        if (alsoClosedFor is not null)
        {
            lead.Tasks.Add(new FollowUpTask
            {
                Id = Ids.New(), QuoteRequestId = Ids.New(), Tier = "B", CreatedAt = now - TimeSpan.FromDays(5), DueAt = now - TimeSpan.FromDays(4),
                AssignedTo = alsoClosedFor, AssignedAt = now - TimeSpan.FromDays(5), Status = FollowUpTaskStatus.Done,
            });
        }
        lead.RefreshDueTimes();
        Assert.True(await Leads.TryInsertAsync(lead, Ct));
        return lead.Id;
    }

    [Fact]
    public async Task A_backlog_is_handed_out_up_to_each_coordinator_s_capacity_without_reading_the_open_leads_to_count()
    {
        // Ana holds 100 open tasks (ids in another case count as hers), Ben 98 (and a done task each, which does not count).
        for (var i = 0; i < 100; i++) await StoredLeadAsync(i % 10 == 0 ? "ANA@clinic.example" : "ana@clinic.example", alsoClosedFor: i < 3 ? "ben@clinic.example" : null);
        for (var i = 0; i < OpenLeads - 100 - 2; i++) await StoredLeadAsync("ben@clinic.example");
        await StoredLeadAsync("ben@clinic.example", FollowUpTaskStatus.Done);
        var backlog = new List<Guid>();
        for (var i = 0; i < 5; i++) backlog.Add(await StoredLeadAsync(null));
        _counter.Reset();

        var assigned = await _module.Services.GetRequiredService<TaskAssignment>().HandOutBacklogAsync(Ct);

        TestContext.Current.TestOutputHelper?.WriteLine(_counter.Summary());
        Assert.Equal(3, assigned); // Ana one (to 101), Ben two (to 100); then both are full
        var assignees = new List<string?>();
        foreach (var id in backlog) assignees.Add((await Leads.GetAsync(id, Ct))!.Tasks.Single().AssignedTo);
        Assert.Equal(1, assignees.Count(a => a == "ana@clinic.example"));
        Assert.Equal(2, assignees.Count(a => a == "ben@clinic.example"));
        Assert.Equal(2, assignees.Count(a => a is null));
        Assert.Equal(5, _counter.Searched); // the five unassigned leads; before: all 206 open leads for every task handed out
        Assert.True(_counter.Got <= 3, $"one read per assignment's write: {_counter.Summary()}");

        var counts = await Leads.CountOpenTasksByAssigneeAsync(Ct);
        Assert.Equal(101, counts["ana@clinic.example"]);
        Assert.Equal(100, counts["BEN@clinic.example"]);
    }

    [Fact]
    public async Task A_new_task_goes_to_a_coordinator_below_capacity_and_its_count_reads_no_lead()
    {
        for (var i = 0; i < 101; i++) await StoredLeadAsync("ana@clinic.example");
        for (var i = 0; i < 99; i++) await StoredLeadAsync("ben@clinic.example");
        var assigner = _module.Services.GetRequiredService<RoundRobinAssigner>();
        _counter.Reset();

        var first = await assigner.AssignAsync(Ids.New(), Ct);
        await StoredLeadAsync(first?.Id);
        var second = await assigner.AssignAsync(Ids.New(), Ct);

        Assert.Equal("ben@clinic.example", first?.Id); // Ana is full
        Assert.Null(second); // and now Ben too: the task stays unassigned
        Assert.Equal(0, _counter.Searched + _counter.Got); // before: every open lead, twice
    }

    private sealed class FixedRoster(IReadOnlyList<Coordinator> coordinators) : ICoordinatorRoster
    {
        public ValueTask<IReadOnlyList<Coordinator>> GetCoordinatorsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(coordinators);
    }
}
