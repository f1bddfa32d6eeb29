using LeadPlatform.Compliance;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage.Outbox;
using LiteDB;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>A task past its due time is escalated once: marked, on the timeline, FollowUpOverdue published, a warning logged.</summary>
public sealed class Escalating_overdue_tasks : IAsyncLifetime
{
    // After the sample consent was given, and at an hour the sample lead (San Francisco) can be called for the next two
    // hours: a task's due time outside the lead's contact window moves to its next start (issue 16), which would put the
    // tier-A task's 15 minutes out of the test's reach at night there.
    private readonly FakeTimeProvider _time = new(InsideTheSampleLeadsWindow(DateTimeOffset.UtcNow.AddMinutes(1)));

    private static DateTimeOffset InsideTheSampleLeadsWindow(DateTimeOffset from)
    {
        var sample = SampleMessages.QuoteRequestSubmitted().Person;
        var location = new ContactLocation { Country = sample.Country, PostalCode = sample.PostalCode, Phone = sample.Phone };
        bool Open(DateTimeOffset at) => ContactRuleEvaluator.Default.Evaluate(OutreachChannel.Phone, location, [], at).Allowed;
        var at = from;
        while (!Open(at) || !Open(at.AddHours(2))) at = at.AddMinutes(15);
        return at;
    }
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-escalation-").FullName;
    private ModuleHarness _module = null!;

    private ILeadStore Leads => _module.Services.GetRequiredService<ILeadStore>();

    public async ValueTask InitializeAsync() =>
        _module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:Acknowledgements"] = "false";
            b.Configuration["FollowUp:ClinicPostalAddress"] = OutreachHost.ClinicAddress;
            b.Configuration["FollowUp:Coordinators:0:Id"] = "ana";
            b.Configuration["FollowUp:Escalation:PollInterval"] = "00:01:00";
            b.Services.AddSingleton<TimeProvider>(_time);
            b.AddFollowUp();
        }, bus => bus.AddFollowUpConsumers());

    public async ValueTask DisposeAsync()
    {
        await _module.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_tier_A_task_nobody_acted_on_is_escalated_once_after_its_15_minutes()
    {
        var lead = await QualifiedAsync("A");
        var task = Assert.Single((await Leads.GetAsync(lead.LeadId, TestContext.Current.CancellationToken))!.Tasks);

        _time.Advance(TimeSpan.FromMinutes(16)); // the escalation's clock wakes it up

        Assert.True(await _module.PublishedAsync<FollowUpOverdue>(x => x.Context.Message.LeadId == lead.LeadId));
        var overdue = _module.Harness.Published.Select<FollowUpOverdue>().Single().Context.Message;
        Assert.Equal((task.Id, "A", task.DueAt, "ana"), (overdue.TaskId, overdue.Tier, overdue.DueAt, overdue.AssigneeId));
        var stored = await Eventually.GetAsync(() => Leads.GetAsync(lead.LeadId), l => l!.Tasks[0].EscalatedAt is not null, what: "the task marked escalated");
        var entry = Assert.Single(stored!.Timeline, e => e.Kind.Name() == "task_overdue");
        Assert.Contains("overdue by 1 min", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(task.Id.ToString(), entry.Details["taskId"]);

        _time.Advance(TimeSpan.FromMinutes(10)); // later looks find nothing new
        await _module.Services.GetRequiredService<OverdueEscalation>().EscalateOverdueAsync(TestContext.Current.CancellationToken);
        await _module.OutboxDrainedAsync<ILeadStore>();
        await _module.Harness.InactivityTask;
        Assert.Single(_module.Harness.Published.Select<FollowUpOverdue>());
        Assert.Single((await Leads.GetAsync(lead.LeadId, TestContext.Current.CancellationToken))!.Timeline, e => e.Kind.Name() == "task_overdue");
    }

    [Fact]
    public async Task A_task_that_is_not_due_yet_or_whose_lead_a_coordinator_contacted_in_time_is_not_escalated()
    {
        var waiting = await QualifiedAsync("C"); // due at the close of the next business day
        var contacted = await QualifiedAsync("A");
        var sent = await _module.Services.GetRequiredService<OutreachSender>().SendAsync(contacted.LeadId, new OutreachRequest
        {
            Channel = OutreachChannel.Email,
            Subject = "Your request",
            Body = "Thank you for your request. A coordinator can walk you through what is known and what is not.",
            Author = "ana",
        }, TestContext.Current.CancellationToken);
        Assert.True(sent.Kind == OutreachOutcomeKind.Sent, string.Join(", ", sent.Decision?.Violations.Select(v => v.Rule) ?? []));

        _time.Advance(TimeSpan.FromMinutes(20));
        var escalated = await _module.Services.GetRequiredService<OverdueEscalation>().EscalateOverdueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, escalated);
        await _module.OutboxDrainedAsync<ILeadStore>();
        await _module.Harness.InactivityTask;
        Assert.False(await _module.Harness.Published.Any<FollowUpOverdue>());
        foreach (var id in new[] { waiting.LeadId, contacted.LeadId })
        {
            var lead = (await Leads.GetAsync(id, TestContext.Current.CancellationToken))!;
            Assert.Null(lead.Tasks[0].EscalatedAt);
            Assert.DoesNotContain(lead.Timeline, e => e.Kind.Name() == "task_overdue");
        }
    }

    [Fact]
    public async Task Two_instances_looking_at_the_same_time_escalate_each_task_exactly_once_and_warn_once()
    {
        using var database = new LiteDatabase(Path.Combine(_folder, "followup.db"));
        var store = new LiteDbLeadStore(database);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        var leadIds = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var lead = LeadDocument.New(Guid.CreateVersion7(), time.GetUtcNow());
            lead.Tasks.Add(new FollowUpTask { Id = Guid.CreateVersion7(), QuoteRequestId = Guid.CreateVersion7(), Tier = "B", CreatedAt = time.GetUtcNow(), DueAt = time.GetUtcNow().AddHours(4), AssignedTo = "ana" });
            lead.Record(new TimelineEntry { At = time.GetUtcNow(), Kind = TimelineKind.TaskCreated });
            Assert.True(await store.TryInsertAsync(lead, TestContext.Current.CancellationToken));
            leadIds.Add(lead.Id);
        }
        var options = Options.Create(new FollowUpOptions());
        var logs = new WarningLog();
        var one = new OverdueEscalation(store, time, options, logs);
        var two = new OverdueEscalation(store, time, options, logs);

        time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(30));
        var counts = await Task.WhenAll(
            Task.Run(() => one.EscalateOverdueAsync(TestContext.Current.CancellationToken)),
            Task.Run(() => two.EscalateOverdueAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(20, counts.Sum());
        foreach (var id in leadIds)
        {
            var lead = (await store.GetAsync(id, TestContext.Current.CancellationToken))!;
            Assert.Single(lead.Outbox, e => e.MessageUrn == MessageTypes.UrnOf(typeof(FollowUpOverdue)));
            Assert.Single(lead.Timeline, e => e.Kind.Name() == "task_overdue");
            Assert.Null(lead.NextEscalationAt);
            Assert.NotNull(lead.NextDueAt); // still open, still in the queue
        }
        Assert.Equal(20, logs.Warnings.Count);
        Assert.Equal(20, logs.Warnings.Select(w => w["TaskId"]).Distinct().Count());
        var warning = logs.Warnings[0];
        Assert.Equal("Follow-up task {TaskId} for lead {LeadId} overdue by {OverdueMinutes} min, tier {Tier}", warning["{OriginalFormat}"]);
        Assert.Equal(30L, warning["OverdueMinutes"]);
        Assert.Equal("B", warning["Tier"]);
    }

    private async Task<QuoteRequestSubmitted> QualifiedAsync(string tier)
    {
        var submitted = SampleMessages.QuoteRequestSubmitted() with { OccurredAt = _time.GetUtcNow() };
        await _module.Harness.Bus.Publish(submitted);
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId, tier) with { OccurredAt = _time.GetUtcNow() });
        await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId), l => l?.Tasks.Count == 1 && l.Person is not null, what: "the lead's task");
        return submitted;
    }

    /// <summary>Keeps the properties of every warning, as Serilog would see them.</summary>
    private sealed class WarningLog : ILogger<OverdueEscalation>
    {
        private readonly Lock _lock = new();

        public List<Dictionary<string, object?>> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel != LogLevel.Warning || state is not IEnumerable<KeyValuePair<string, object?>> properties) return;
            lock (_lock) Warnings.Add(properties.ToDictionary(p => p.Key, p => p.Value));
        }
    }
}
