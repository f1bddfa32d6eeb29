using System.Reflection;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>
/// The assignment watch runs every 30 s whatever the load, and every lead it reads is unsealed whole: with thousands of
/// open leads a check read all of them (the re-offer of tier-A leads nobody opened, the backlog hand-out) to find the few
/// it could change. Each check now reads only the leads an indexed time says it may change, counted here on the store
/// follow-up uses (a counting decorator over <see cref="ILeadStore"/>: every lead document a search or a get returns).
/// </summary>
public sealed class Checking_assignments_among_many_open_leads : IAsyncLifetime
{
    private const int OpenLeads = 200;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(11), TimeSpan.Zero));
    private ModuleHarness _module = null!;
    private CountingLeadStore _counter = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:ClinicPostalAddress"] = OutreachHost.ClinicAddress;
            b.Configuration["FollowUp:Coordinators:0:Id"] = "ana";
            b.Configuration["FollowUp:Coordinators:0:Name"] = "Ana Ruiz";
            b.Configuration["FollowUp:Coordinators:1:Id"] = "ben";
            b.Configuration["FollowUp:Coordinators:1:Name"] = "Ben Okafor";
            // The test runs the checks itself; the escalation's own search would be counted beside them.
            b.Configuration["FollowUp:Assignment:CheckInterval"] = "7.00:00:00";
            b.Configuration["FollowUp:Escalation:Enabled"] = "false";
            b.Services.AddSingleton<TimeProvider>(_time);
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

    /// <summary>A lead with one open task, stored as this version derives it (or, <paramref name="olderVersion"/>, as a version before the assignment times wrote it).</summary>
    private async Task<Guid> StoredLeadAsync(string tier, string? assignedTo, TimeSpan assignedAgo, bool olderVersion = false)
    {
        var now = StoredTime.Truncate(_time.GetUtcNow());
        var lead = LeadDocument.New(Ids.New(), now - TimeSpan.FromHours(1));
        lead.Tasks.Add(new FollowUpTask
        {
            Id = Ids.New(), QuoteRequestId = Ids.New(), Tier = tier, CreatedAt = now - assignedAgo, DueAt = now + TimeSpan.FromHours(1),
            AssignedTo = assignedTo, AssignedAt = assignedTo is null ? null : now - assignedAgo,
        });
        if (olderVersion) lead.NextDueAt = lead.Tasks[0].DueAt; // what an older version derived: nothing else
        else lead.RefreshDueTimes();
        Assert.True(await Leads.TryInsertAsync(lead, TestContext.Current.CancellationToken));
        return lead.Id;
    }

    private async Task<FollowUpTask> TaskOfAsync(Guid leadId) => (await Leads.GetAsync(leadId, TestContext.Current.CancellationToken))!.Tasks.Single();

    [Fact]
    public async Task The_re_offer_reads_the_two_tier_A_leads_nobody_opened_in_time_and_none_of_the_other_open_leads()
    {
        for (var i = 0; i < OpenLeads - 2; i++)
        {
            // Tier B, or tier A assigned only five minutes ago (the re-offer waits ten).
            await StoredLeadAsync(i % 2 == 0 ? "B" : "A", "ana", TimeSpan.FromMinutes(5));
        }
        var waiting = new[] { await StoredLeadAsync("A", "ana", TimeSpan.FromMinutes(20)), await StoredLeadAsync("A", "ana", TimeSpan.FromMinutes(30)) };
        _counter.Reset();

        var reoffered = await _module.Services.GetRequiredService<TaskAssignment>().ReofferUnopenedTierAAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, reoffered);
        TestContext.Current.TestOutputHelper?.WriteLine(_counter.Summary());
        Assert.Equal(2, _counter.Searched); // before: all 200 open leads, unsealed
        Assert.True(_counter.Got <= 2, $"one read per re-offer's write: {_counter.Summary()}");
        foreach (var leadId in waiting)
        {
            var task = await TaskOfAsync(leadId);
            Assert.Equal("ana", task.ReofferedFrom);
            Assert.Equal("ben", task.AssignedTo);
        }
    }

    [Fact]
    public async Task The_backlog_hand_out_reads_the_two_leads_nobody_is_assigned_and_none_of_the_other_open_leads()
    {
        for (var i = 0; i < OpenLeads - 2; i++) await StoredLeadAsync("B", i % 2 == 0 ? "ana" : "ben", TimeSpan.FromMinutes(5));
        var unassigned = new[] { await StoredLeadAsync("B", null, TimeSpan.FromMinutes(5)), await StoredLeadAsync("C", null, TimeSpan.FromMinutes(5)) };
        _counter.Reset();

        var assigned = await _module.Services.GetRequiredService<TaskAssignment>().HandOutBacklogAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, assigned);
        TestContext.Current.TestOutputHelper?.WriteLine(_counter.Summary());
        Assert.Equal(2, _counter.Searched); // before: all 200 open leads, unsealed
        Assert.True(_counter.Got <= 2, $"one read per assignment's write: {_counter.Summary()}");
        foreach (var leadId in unassigned) Assert.NotNull((await TaskOfAsync(leadId)).AssignedTo);
    }

    [Fact]
    public async Task Leads_an_older_version_stored_get_their_assignment_times_at_the_first_check_and_a_tier_A_one_waiting_too_long_is_re_offered()
    {
        var waiting = await StoredLeadAsync("A", "ana", TimeSpan.FromMinutes(20), olderVersion: true);
        var unassigned = await StoredLeadAsync("B", null, TimeSpan.FromMinutes(5), olderVersion: true);
        var recent = await StoredLeadAsync("A", "ben", TimeSpan.FromMinutes(5), olderVersion: true);

        await _module.Services.GetRequiredService<AssignmentWatch>().CheckAsync(TestContext.Current.CancellationToken);

        Assert.Equal("ana", (await TaskOfAsync(waiting)).ReofferedFrom);
        Assert.NotNull((await TaskOfAsync(unassigned)).AssignedTo);
        Assert.Null((await TaskOfAsync(recent)).ReofferedAt);
        var lead = (await Leads.GetAsync(recent, TestContext.Current.CancellationToken))!;
        Assert.Equal(LeadDocument.CurrentDueTimesVersion, lead.DueTimesVersion);
        Assert.NotNull(lead.TierAAssignedSince);
        _counter.Reset();
        await _module.Services.GetRequiredService<AssignmentWatch>().CheckAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, _counter.Searched); // the next check finds nothing to do, and reads nothing to find it
    }

    /// <summary>The store as it is, counting the lead documents its searches (Find…) and its gets return.</summary>
    public class CountingLeadStore : DispatchProxy
    {
        private int _searched;
        private int _got;
        private readonly Lock _lock = new();
        private readonly Dictionary<string, int> _byMethod = new(StringComparer.Ordinal);

        public ILeadStore Inner { get; private set; } = null!;
        public int Searched => Volatile.Read(ref _searched);
        public int Got => Volatile.Read(ref _got);

        public static ILeadStore Wrap(ILeadStore inner, out CountingLeadStore counter)
        {
            var proxy = Create<ILeadStore, CountingLeadStore>();
            counter = (CountingLeadStore)(object)proxy;
            counter.Inner = inner;
            return proxy;
        }

        /// <summary>Puts the counter over the lead store follow-up registered; <paramref name="found"/> gets it when the store is first resolved.</summary>
        public static void Decorate(IServiceCollection services, Action<CountingLeadStore> found)
        {
            var registered = services.Last(d => d.ServiceType == typeof(ILeadStore));
            services.AddSingleton<ILeadStore>(sp =>
            {
                var store = Wrap((ILeadStore)registered.ImplementationFactory!(sp), out var counter);
                found(counter);
                return store;
            });
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _searched, 0);
            Interlocked.Exchange(ref _got, 0);
            lock (_lock) _byMethod.Clear();
        }

        public string Summary()
        {
            lock (_lock) return $"searched {Searched}, got {Got}: " + string.Join(", ", _byMethod.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            object? result;
            try
            {
                result = targetMethod!.Invoke(Inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
            var name = targetMethod.Name;
            return result switch
            {
                Task<IReadOnlyList<LeadDocument>> list => CountAsync(list, name),
                Task<LeadDocument?> one => CountAsync(one, name),
                _ => result,
            };
        }

        private async Task<IReadOnlyList<LeadDocument>> CountAsync(Task<IReadOnlyList<LeadDocument>> task, string method)
        {
            var leads = await task;
            Add(method, leads.Count);
            return leads;
        }

        private async Task<LeadDocument?> CountAsync(Task<LeadDocument?> task, string method)
        {
            var lead = await task;
            if (lead is not null) Add(method, 1);
            return lead;
        }

        private void Add(string method, int count)
        {
            if (method.StartsWith("Find", StringComparison.Ordinal)) Interlocked.Add(ref _searched, count);
            else Interlocked.Add(ref _got, count);
            lock (_lock) _byMethod[method] = _byMethod.GetValueOrDefault(method) + count;
        }
    }
}
