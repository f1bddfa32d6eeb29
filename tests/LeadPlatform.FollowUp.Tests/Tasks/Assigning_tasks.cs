using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.TestSupport;
using LiteDB;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>New tasks go round-robin to the coordinators on duty; someone off duty or on leave is skipped.</summary>
public sealed class Assigning_tasks : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-assignment-").FullName;
    private ModuleHarness _module = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:Acknowledgements"] = "false";
            Roster(b.Configuration,
                ("ana", true, null),
                ("ben", false, null), // off duty
                ("cleo", true, Now.AddDays(7)), // on leave
                ("dan", true, Now.AddDays(-1)), // back from leave
                ("eve", true, null));
            b.AddFollowUp();
        }, bus => bus.AddFollowUpConsumers());

    public async ValueTask DisposeAsync()
    {
        await _module.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Qualified_leads_are_shared_evenly_among_the_coordinators_on_duty_and_nobody_off_duty_or_on_leave_gets_one()
    {
        var leads = Enumerable.Range(0, 6).Select(_ => SampleMessages.QuoteRequestSubmitted()).ToList();

        foreach (var lead in leads)
        {
            await _module.Harness.Bus.Publish(lead);
            await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(lead.LeadId, lead.QuoteRequestId, "B"));
        }

        var created = await Eventually.GetAsync(() => Task.FromResult(_module.Harness.Published.Select<FollowUpTaskCreated>().Select(m => m.Context.Message).ToList()),
            c => c.Count == 6, what: "six tasks");
        Assert.Equal(["ana", "ana", "dan", "dan", "eve", "eve"], created.Select(c => c.AssignedTo).Order());
        var stored = await _module.Services.GetRequiredService<ILeadStore>().GetAsync(leads[0].LeadId, TestContext.Current.CancellationToken);
        var task = Assert.Single(stored!.Tasks);
        Assert.Equal(created.Single(c => c.LeadId == leads[0].LeadId).AssignedTo, task.AssignedTo);
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "task_created" && e.Details["assignedTo"] == task.AssignedTo);
    }

    [Fact]
    public async Task Coordinator_accounts_join_the_round_after_the_configured_ones_and_an_admin_can_take_them_out_of_it()
    {
        var services = _module.Services;
        var accounts = services.GetRequiredService<LeadPlatform.FollowUp.Auth.AccountService>();
        var ct = TestContext.Current.CancellationToken;
        async Task<LeadPlatform.FollowUp.Auth.UserAccount> Create(string email, params string[] roles) =>
            (await accounts.CreateAsync(email, email, "a-long-enough-password", roles, ct)).Account!;
        var fay = await Create("fay@clinic.example", LeadPlatform.FollowUp.Auth.Roles.Coordinator);
        var gus = await Create("gus@clinic.example", LeadPlatform.FollowUp.Auth.Roles.Coordinator);
        await Create("root@clinic.example", LeadPlatform.FollowUp.Auth.Roles.Admin); // not a coordinator: never assigned
        var roster = services.GetRequiredService<ICoordinatorRoster>();

        var everyone = await roster.GetCoordinatorsAsync(ct);
        Assert.Equal(["ana", "ben", "cleo", "dan", "eve", "fay@clinic.example", "gus@clinic.example"], everyone.Select(c => c.Id));

        await accounts.UpdateAsync(gus.Id, a => a.OnLeave = true, ct);
        await accounts.UpdateAsync(fay.Id, a => a.OnDuty = false, ct);
        var available = (await roster.GetCoordinatorsAsync(ct)).Where(c => c.IsAvailableAt(DateTimeOffset.UtcNow)).Select(c => c.Id);
        Assert.Equal(["ana", "dan", "eve"], available);
    }

    [Fact]
    public async Task The_round_continues_where_it_stopped_after_a_restart()
    {
        var roster = new FixedRoster(("ana", true, null), ("ben", true, null), ("cleo", true, null));
        using (var database = new LiteDatabase(Path.Combine(_folder, "followup.db")))
        {
            var before = Assigner(roster, new LiteDbAssignmentStore(database));
            Assert.Equal("ana", (await before.AssignAsync(Guid.NewGuid(), TestContext.Current.CancellationToken))!.Id);
            Assert.Equal("ben", (await before.AssignAsync(Guid.NewGuid(), TestContext.Current.CancellationToken))!.Id);
        }

        using (var database = new LiteDatabase(Path.Combine(_folder, "followup.db")))
        {
            var after = Assigner(roster, new LiteDbAssignmentStore(database));
            Assert.Equal("cleo", (await after.AssignAsync(Guid.NewGuid(), TestContext.Current.CancellationToken))!.Id);
            Assert.Equal("ana", (await after.AssignAsync(Guid.NewGuid(), TestContext.Current.CancellationToken))!.Id);
        }
    }

    [Fact]
    public async Task Concurrent_assignments_never_hand_out_the_same_turn_twice()
    {
        using var database = new LiteDatabase(Path.Combine(_folder, "concurrent.db"));
        var store = new LiteDbAssignmentStore(database);
        var roster = new FixedRoster(("ana", true, null), ("ben", true, null), ("cleo", true, null));
        // Two consumers (as two instances would) sharing the stored round.
        var first = Assigner(roster, store);
        var second = Assigner(roster, store);

        var assigned = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).AssignAsync(Guid.NewGuid(), TestContext.Current.CancellationToken))));

        Assert.Equal([10, 10, 10], assigned.GroupBy(c => c!.Id).Select(g => g.Count()));
    }

    [Fact]
    public async Task The_same_task_asked_for_again_gets_the_same_coordinator_and_the_round_does_not_move()
    {
        using var database = new LiteDatabase(Path.Combine(_folder, "redelivery.db"));
        var assigner = Assigner(new FixedRoster(("ana", true, null), ("ben", true, null)), new LiteDbAssignmentStore(database));
        var key = Guid.NewGuid();

        var once = await assigner.AssignAsync(key, TestContext.Current.CancellationToken);
        var again = await assigner.AssignAsync(key, TestContext.Current.CancellationToken);
        var next = await assigner.AssignAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        Assert.Equal("ana", once!.Id);
        Assert.Equal("ana", again!.Id);
        Assert.Equal("ben", next!.Id);
    }

    [Fact]
    public async Task With_nobody_on_duty_the_task_is_created_unassigned_and_says_so()
    {
        await using var module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:Acknowledgements"] = "false";
            Roster(b.Configuration, ("ana", false, null), ("ben", true, DateTimeOffset.UtcNow.AddDays(1)));
            b.AddFollowUp();
        }, bus => bus.AddFollowUpConsumers());
        var lead = SampleMessages.QuoteRequestSubmitted();

        await module.Harness.Bus.Publish(SampleMessages.LeadQualified(lead.LeadId, lead.QuoteRequestId, "A"));

        Assert.True(await module.PublishedAsync<FollowUpTaskCreated>(x => x.Context.Message.LeadId == lead.LeadId));
        Assert.Null(module.Harness.Published.Select<FollowUpTaskCreated>().Single().Context.Message.AssignedTo);
        var stored = await Eventually.GetAsync(() => module.Services.GetRequiredService<ILeadStore>().GetAsync(lead.LeadId), l => l is not null, what: "the lead");
        Assert.Null(Assert.Single(stored!.Tasks).AssignedTo);
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "task_created" && e.Summary.Contains("unassigned", StringComparison.Ordinal));
    }

    private static RoundRobinAssigner Assigner(ICoordinatorRoster roster, IAssignmentStore store) =>
        new(roster, store, new FakeTimeProvider(Now), NullLogger<RoundRobinAssigner>.Instance);

    private static void Roster(Microsoft.Extensions.Configuration.IConfiguration configuration, params (string Id, bool OnDuty, DateTimeOffset? OnLeaveUntil)[] coordinators)
    {
        for (var i = 0; i < coordinators.Length; i++)
        {
            configuration[$"FollowUp:Coordinators:{i}:Id"] = coordinators[i].Id;
            configuration[$"FollowUp:Coordinators:{i}:Name"] = char.ToUpperInvariant(coordinators[i].Id[0]) + coordinators[i].Id[1..];
            configuration[$"FollowUp:Coordinators:{i}:OnDuty"] = coordinators[i].OnDuty ? "true" : "false";
            if (coordinators[i].OnLeaveUntil is { } until) configuration[$"FollowUp:Coordinators:{i}:OnLeaveUntil"] = until.ToString("O");
        }
    }

    private sealed class FixedRoster(params (string Id, bool OnDuty, DateTimeOffset? OnLeaveUntil)[] coordinators) : ICoordinatorRoster
    {
        public ValueTask<IReadOnlyList<Coordinator>> GetCoordinatorsAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<Coordinator>>([.. coordinators.Select(c => new Coordinator(c.Id, c.Id, c.OnDuty, c.OnLeaveUntil))]);
    }
}
