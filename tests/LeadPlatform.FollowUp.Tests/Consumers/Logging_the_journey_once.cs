using System.Collections.Concurrent;
using System.Reflection;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Tests.Consumers;

/// <summary>
/// The ops people count steps in Seq: a write that lost a race with another change to the lead is retried, and the
/// step it logs must appear once, for the attempt that landed (a clean-clone CI run saw "Follow-up task … created" twice).
/// </summary>
public sealed class Logging_the_journey_once : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private ModuleHarness _module = null!;

    public async ValueTask InitializeAsync() =>
        _module = await ModuleHarness.StartAsync(b =>
        {
            b.Configuration["FollowUp:Acknowledgements"] = "false";
            b.Logging.AddProvider(_logs);
            b.AddFollowUp();
            // Another writer changes the lead between the journey's read and its write, once: the first task write conflicts.
            var registered = b.Services.Last(d => d.ServiceType == typeof(ILeadStore));
            b.Services.AddSingleton<ILeadStore>(sp => ConflictOnce.Wrap((ILeadStore)registered.ImplementationFactory!(sp)));
        }, bus => bus.AddFollowUpConsumers());

    public ValueTask DisposeAsync() => _module.DisposeAsync();

    [Fact]
    public async Task A_task_written_again_after_a_conflict_is_logged_as_created_once()
    {
        var submitted = SampleMessages.QuoteRequestSubmitted();
        await _module.Harness.Bus.Publish(submitted);
        await Eventually.GetAsync(() => _module.Services.GetRequiredService<ILeadStore>().GetAsync(submitted.LeadId),
            l => l?.QuoteRequestIds.Count == 1, what: "the submission on the lead");
        await _module.Harness.Bus.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId, "A"));

        var lead = await Eventually.GetAsync(() => _module.Services.GetRequiredService<ILeadStore>().GetAsync(submitted.LeadId),
            l => l?.Tasks.Count == 1, what: "the task");
        await _module.OutboxDrainedAsync<ILeadStore>();
        await _module.Harness.InactivityTask;

        Assert.Equal(1, ConflictOnce.Conflicts); // the retry really happened
        var created = _logs.With("Follow-up task {TaskId} created for lead {LeadId}, tier {Tier}, due {DueAt}");
        var entry = Assert.Single(created);
        Assert.Equal(lead!.Tasks[0].Id.ToString(), entry["TaskId"]?.ToString());
        Assert.Single(_logs.With("Follow-up task {TaskId} for lead {LeadId} assigned to {AssigneeId}"));
        Assert.Single(_logs.With("Submission {QuoteRequestId} recorded on lead {LeadId}"));
    }

    /// <summary>The store as it is, except that the first write of a lead with a task fails as a concurrent change would.</summary>
    public class ConflictOnce : DispatchProxy
    {
        private static int _conflicts;
        private ILeadStore _inner = null!;

        public static int Conflicts => _conflicts;

        public static ILeadStore Wrap(ILeadStore inner)
        {
            var proxy = Create<ILeadStore, ConflictOnce>();
            ((ConflictOnce)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(ILeadStore.ReplaceAsync) && args![0] is LeadDocument { Tasks.Count: > 0 } lead
                && Interlocked.CompareExchange(ref _conflicts, 1, 0) == 0)
                return Task.FromException(new ConcurrencyConflictException("leads", lead.Id, lead.Version));
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }

    /// <summary>Every log entry's message template and named properties, as Seq would receive them.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<IReadOnlyDictionary<string, object?>> _entries = new();

        public IReadOnlyList<IReadOnlyDictionary<string, object?>> With(string template) =>
            _entries.Where(e => e.TryGetValue("{OriginalFormat}", out var t) && (string?)t == template).ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() { }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                    owner._entries.Enqueue(properties.ToDictionary(p => p.Key, p => p.Value));
            }
        }
    }
}
