using LeadPlatform.Qualification.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Storage.Tests;

/// <summary>The one update primitive (<see cref="DocumentUpdates"/>), the same on every store.</summary>
public abstract partial class StoreConformance
{
    private async Task<(IQualificationStore Store, QualificationDocument Document)> StoredDecisionAsync()
    {
        var store = Decisions();
        var document = SampleDocuments.Decision();
        Assert.True(await store.TryInsertAsync(document, Ct));
        return (store, document);
    }

    /// <summary>Another writer's change, written between the update's read and its write.</summary>
    private static async Task TheirChangeAsync(IQualificationStore store, Guid id, string flag)
    {
        var theirs = (await store.GetAsync(id, Ct))!;
        theirs.Flags.Add(flag);
        await store.ReplaceAsync(theirs, Ct);
    }

    [Fact]
    public async Task An_update_that_loses_a_race_is_applied_again_on_a_fresh_read_and_lands_once()
    {
        var (store, document) = await StoredDecisionAsync();
        var seen = new List<List<string>>();

        var result = await store.UpdateAsync(document.Id, d =>
        {
            seen.Add([.. d.Flags]);
            if (seen.Count == 1) TheirChangeAsync(store, document.Id, "theirs").GetAwaiter().GetResult(); // lands first
            d.Flags.Add("mine");
            return true;
        }, Ct);

        Assert.Equal(UpdateOutcome.Updated, result.Outcome);
        Assert.Equal(2, seen.Count); // the first attempt conflicted
        Assert.DoesNotContain("theirs", seen[0]);
        Assert.Contains("theirs", seen[1]); // the retry saw the other writer's change
        var stored = (await store.GetAsync(document.Id, Ct))!;
        Assert.Equal(1, stored.Flags.Count(f => f == "mine"));
        Assert.Contains("theirs", stored.Flags);
        Assert.Equal(3, stored.Version); // inserted, theirs, mine: nothing more
        Assert.Equal(stored.Version, result.Document!.Version);
    }

    [Fact]
    public async Task An_update_with_nothing_to_do_writes_nothing()
    {
        var (store, document) = await StoredDecisionAsync();

        var result = await store.UpdateAsync(document.Id, d => d.Flags.Contains("never"), Ct);

        Assert.Equal(UpdateOutcome.Unchanged, result.Outcome);
        Assert.Equal(document.Id, result.Document!.Id);
        Assert.Equal(1, (await store.GetAsync(document.Id, Ct))!.Version);
    }

    [Fact]
    public async Task An_update_of_a_document_that_is_not_there_is_not_found_and_creates_nothing()
    {
        var store = Decisions();
        var calls = 0;
        var id = Guid.NewGuid();

        var result = await store.UpdateAsync(id, _ => ++calls > 0, Ct);

        Assert.Equal(UpdateOutcome.NotFound, result.Outcome);
        Assert.Null(result.Document);
        Assert.Equal(0, calls);
        Assert.Null(await store.GetAsync(id, Ct));
    }

    [Fact]
    public async Task An_update_that_may_create_inserts_a_missing_document_and_a_second_one_changes_it()
    {
        var store = Decisions();
        var id = Guid.NewGuid();
        var options = new UpdateOptions<QualificationDocument> { Create = () => SampleDocuments.Decision() };

        var created = await store.UpdateAsync(id, (d, _) => { d.Flags.Add("first"); return true; }, options, Ct);
        var changed = await store.UpdateAsync(id, (d, _) => { d.Flags.Add("second"); return true; }, options, Ct);

        Assert.Equal(UpdateOutcome.Updated, created.Outcome);
        Assert.Equal(UpdateOutcome.Updated, changed.Outcome);
        var stored = (await store.GetAsync(id, Ct))!;
        Assert.Equal(2, stored.Version);
        Assert.Contains("first", stored.Flags);
        Assert.Contains("second", stored.Flags);
    }

    [Fact]
    public async Task An_update_given_the_document_it_holds_applies_the_change_to_it_and_reads_afresh_only_after_a_conflict()
    {
        var (store, document) = await StoredDecisionAsync();
        var held = (await store.GetAsync(document.Id, Ct))!;
        var given = new List<QualificationDocument>();

        var result = await store.UpdateAsync(document.Id, (d, _) =>
        {
            given.Add(d);
            if (given.Count == 1) TheirChangeAsync(store, document.Id, "theirs").GetAwaiter().GetResult();
            d.Flags.Add("mine");
            return true;
        }, UpdateOptions<QualificationDocument>.From(held), Ct);

        Assert.True(result.Updated);
        Assert.Same(held, given[0]); // the first attempt: the held copy, no read
        Assert.NotSame(held, given[1]); // the retry: a fresh read
        Assert.Contains("theirs", given[1].Flags);
    }

    [Fact]
    public async Task What_a_retried_update_logs_is_logged_once_after_its_write_lands()
    {
        var (store, document) = await StoredDecisionAsync();
        var logger = new ListLogger();
        var attempts = 0;

        await store.UpdateAsync(document.Id, (d, log) =>
        {
            attempts++;
            log.LogInformation("Flag added on attempt {Attempt}", attempts);
            if (attempts == 1) TheirChangeAsync(store, document.Id, "theirs").GetAwaiter().GetResult();
            d.Flags.Add("mine");
            return true;
        }, new UpdateOptions<QualificationDocument> { Logger = logger }, Ct);

        Assert.Equal(2, attempts);
        Assert.Equal(["Flag added on attempt 2"], logger.Messages);
    }

    [Fact]
    public async Task An_update_that_keeps_losing_gives_up_with_a_conflict_and_logs_nothing()
    {
        var (store, document) = await StoredDecisionAsync();
        var logger = new ListLogger();
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateAsync(document.Id, (d, log) =>
        {
            attempts++;
            log.LogInformation("Attempt {Attempt}", attempts);
            TheirChangeAsync(store, document.Id, $"theirs-{attempts}").GetAwaiter().GetResult();
            d.Flags.Add("mine");
            return true;
        }, new UpdateOptions<QualificationDocument> { Logger = logger }, Ct));

        Assert.Equal(DocumentUpdates.Attempts, attempts); // bounded
        Assert.Empty(logger.Messages);
        Assert.DoesNotContain("mine", (await store.GetAsync(document.Id, Ct))!.Flags);
    }

    [Fact]
    public async Task An_update_bounded_to_fewer_attempts_gives_up_after_them()
    {
        var (store, document) = await StoredDecisionAsync();
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateAsync(document.Id, (d, _) =>
        {
            attempts++;
            TheirChangeAsync(store, document.Id, $"theirs-{attempts}").GetAwaiter().GetResult();
            d.Flags.Add("mine");
            return true;
        }, new UpdateOptions<QualificationDocument> { Attempts = 3 }, Ct));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_single_attempt_that_loses_its_race_is_a_conflicted_outcome_and_writes_nothing()
    {
        var (store, document) = await StoredDecisionAsync();
        var held = (await store.GetAsync(document.Id, Ct))!;
        var logger = new ListLogger();
        await TheirChangeAsync(store, document.Id, "theirs"); // the held copy is stale now
        var attempts = 0;

        var result = await store.UpdateAsync(document.Id, (d, log) =>
        {
            attempts++;
            log.LogInformation("Mine written");
            d.Flags.Add("mine");
            return true;
        }, new UpdateOptions<QualificationDocument> { Held = held, Attempts = 1, ConflictIsOutcome = true, Logger = logger }, Ct);

        Assert.Equal(UpdateOutcome.Conflicted, result.Outcome);
        Assert.True(result.Conflicted);
        Assert.False(result.Updated);
        Assert.Equal(1, attempts);
        Assert.Empty(logger.Messages);
        var stored = (await store.GetAsync(document.Id, Ct))!;
        Assert.DoesNotContain("mine", stored.Flags); // theirs stands
        Assert.Contains("theirs", stored.Flags);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Many_updates_of_one_document_at_once_all_land()
    {
        var (store, document) = await StoredDecisionAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.UpdateAsync(document.Id, d => { d.Flags.Add($"flag-{i}"); return true; }, Ct), Ct)));

        var stored = (await store.GetAsync(document.Id, Ct))!;
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"flag-{i}").Order(), stored.Flags.Where(f => f.StartsWith("flag-", StringComparison.Ordinal)).Order());
    }

    private sealed class ListLogger : ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages) return [.. _messages];
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages) _messages.Add(formatter(state, exception));
        }
    }
}
