using System.Text.Json;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// What every store must do, whatever the database. Each adapter (LiteDB, MongoDB) runs the same cases; a case
/// that passes on one and fails on the other is an adapter bug.
/// </summary>
public abstract class StoreConformance
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    protected abstract IQuoteRequestStore QuoteRequests();
    protected abstract IQualificationStore Decisions();
    protected abstract ILeadStore Leads();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_document_reads_back_exactly_as_written()
    {
        var store = QuoteRequests();
        var document = SampleDocuments.QuoteRequest();

        Assert.True(await store.TryInsertAsync(document, Ct));

        var read = await store.GetAsync(document.Id, Ct);
        Assert.Equal(JsonSerializer.Serialize(document, Json), JsonSerializer.Serialize(read, Json));
        Assert.Equal(1, read!.Version);
    }

    [Fact]
    public async Task A_second_insert_with_the_same_id_is_refused_and_changes_nothing()
    {
        var store = QuoteRequests();
        var first = SampleDocuments.QuoteRequest();
        var second = SampleDocuments.QuoteRequest();
        second.Id = first.Id;
        second.SiteId = "another-site";

        Assert.True(await store.TryInsertAsync(first, Ct));
        Assert.False(await store.TryInsertAsync(second, Ct));

        Assert.Equal("clinic", (await store.GetAsync(first.Id, Ct))!.SiteId);
        Assert.Equal(1, await store.CountAsync(Ct));
    }

    [Fact]
    public async Task Replacing_the_version_that_was_read_succeeds_and_bumps_the_version()
    {
        var store = QuoteRequests();
        var document = SampleDocuments.QuoteRequest();
        await store.TryInsertAsync(document, Ct);

        var read = (await store.GetAsync(document.Id, Ct))!;
        read.Status = QuoteRequestStatus.Qualified;
        await store.ReplaceAsync(read, Ct);

        var again = (await store.GetAsync(document.Id, Ct))!;
        Assert.Equal(QuoteRequestStatus.Qualified, again.Status);
        Assert.Equal(2, again.Version);
    }

    [Fact]
    public async Task Replacing_a_stale_copy_is_refused_and_keeps_the_newer_change()
    {
        var store = QuoteRequests();
        var document = SampleDocuments.QuoteRequest();
        await store.TryInsertAsync(document, Ct);
        var mine = (await store.GetAsync(document.Id, Ct))!;
        var theirs = (await store.GetAsync(document.Id, Ct))!;

        theirs.Status = QuoteRequestStatus.Disqualified;
        await store.ReplaceAsync(theirs, Ct);
        mine.Status = QuoteRequestStatus.Qualified;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(mine, Ct));
        Assert.Equal(QuoteRequestStatus.Disqualified, (await store.GetAsync(document.Id, Ct))!.Status);
    }

    [Fact]
    public async Task An_event_stays_pending_until_it_is_marked_sent_and_is_marked_once()
    {
        var store = Decisions();
        var document = SampleDocuments.Decision();
        await store.TryInsertAsync(document, Ct);
        var entry = document.Outbox.Single();

        var pending = await store.FindPendingOutboxAsync(10, Ct);
        Assert.Equal(document.Id, Assert.Single(pending).Id);

        Assert.True(await store.MarkSentAsync(document.Id, entry.MessageId, DateTimeOffset.UtcNow, Ct));
        Assert.False(await store.MarkSentAsync(document.Id, entry.MessageId, DateTimeOffset.UtcNow, Ct));

        Assert.Empty(await store.FindPendingOutboxAsync(10, Ct));
        Assert.NotNull((await store.GetAsync(document.Id, Ct))!.Outbox.Single().SentAt);
    }

    [Fact]
    public async Task Marking_an_event_sent_keeps_a_change_made_after_the_event_was_read()
    {
        var store = Decisions();
        var document = SampleDocuments.Decision();
        await store.TryInsertAsync(document, Ct);
        var pending = (await store.FindPendingOutboxAsync(10, Ct)).Single();

        var changed = (await store.GetAsync(document.Id, Ct))!;
        changed.Flags.Add("short_symptom_duration");
        await store.ReplaceAsync(changed, Ct);
        await store.MarkSentAsync(pending.Id, pending.Outbox.Single().MessageId, DateTimeOffset.UtcNow, Ct);

        var final = (await store.GetAsync(document.Id, Ct))!;
        Assert.Contains("short_symptom_duration", final.Flags);
        Assert.NotNull(final.Outbox.Single().SentAt);
    }

    [Fact]
    public async Task Many_writers_at_once_each_get_their_own_answer_and_no_update_is_lost()
    {
        var store = Decisions();
        // 60 inserts at once, a third of them repeating an id already being inserted: each id is stored once.
        var documents = Enumerable.Range(0, 40).Select(_ => SampleDocuments.Decision()).ToList();
        var attempts = documents.Concat(documents.Take(20)).Select(d => store.TryInsertAsync(d, Ct));
        var inserted = await Task.WhenAll(attempts);
        Assert.Equal(40, inserted.Count(i => i));
        Assert.Equal(40, await store.CountAsync(Ct));

        // 30 read-modify-write loops on one document at once, each adding its own flag: all 30 survive.
        var target = documents[0].Id;
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            while (true)
            {
                var current = (await store.GetAsync(target, Ct))!;
                current.Flags.Add($"flag-{i}");
                try
                {
                    await store.ReplaceAsync(current, Ct);
                    return;
                }
                catch (ConcurrencyConflictException)
                {
                    // Someone else won this round: read again.
                }
            }
        }, Ct)));
        var final = (await store.GetAsync(target, Ct))!;
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"flag-{i}").Order(), final.Flags.Where(f => f.StartsWith("flag-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task A_returning_person_is_found_by_email_key_or_phone_key_as_the_lead_of_their_first_request()
    {
        var store = QuoteRequests();
        var first = SampleDocuments.QuoteRequest("e1", "p1", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var later = SampleDocuments.QuoteRequest("e2", "p1", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        var stranger = SampleDocuments.QuoteRequest("e3", "p3");
        foreach (var d in new[] { later, stranger, first }) await store.TryInsertAsync(d, Ct);

        Assert.Equal(first.LeadId, await store.FindLeadIdAsync("e1", null, Ct));
        Assert.Equal(first.LeadId, await store.FindLeadIdAsync("e2", "p1", Ct));
        Assert.Equal(first.LeadId, await store.FindLeadIdAsync(null, "p1", Ct));
        Assert.Equal(stranger.LeadId, await store.FindLeadIdAsync("e3", null, Ct));
        Assert.Null(await store.FindLeadIdAsync("nobody", "none", Ct));
        Assert.Null(await store.FindLeadIdAsync(null, null, Ct));
    }

    [Fact]
    public async Task A_lead_s_decisions_come_oldest_first_and_only_theirs()
    {
        var store = Decisions();
        var leadId = Guid.CreateVersion7();
        var newer = SampleDocuments.Decision(leadId, new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero));
        var older = SampleDocuments.Decision(leadId, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var other = SampleDocuments.Decision();
        foreach (var d in new[] { newer, other, older }) await store.TryInsertAsync(d, Ct);

        var decisions = await store.FindByLeadAsync(leadId, Ct);

        Assert.Equal([older.Id, newer.Id], decisions.Select(d => d.Id));
    }

    [Fact]
    public async Task Decisions_in_force_come_page_by_page_without_the_superseded_ones()
    {
        var store = Decisions();
        var decisions = Enumerable.Range(0, 5).Select(_ => SampleDocuments.Decision()).ToList();
        decisions[2].Current = false;
        foreach (var d in decisions) await store.TryInsertAsync(d, Ct);

        var seen = new List<Guid>();
        Guid? after = null;
        while ((await store.FindCurrentAsync(after, 2, Ct)) is { Count: > 0 } page)
        {
            Assert.True(page.Count <= 2);
            seen.AddRange(page.Select(d => d.Id));
            after = page[^1].Id;
        }

        Assert.Equal(decisions.Where(d => d.Current).Select(d => d.Id).Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_queue_holds_leads_with_an_open_task_most_urgent_first()
    {
        var store = Leads();
        var baseTime = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var later = SampleDocuments.Lead(baseTime.AddHours(4));
        var urgent = SampleDocuments.Lead(baseTime.AddMinutes(15));
        var done = SampleDocuments.Lead(baseTime, openTask: false);
        foreach (var d in new[] { later, done, urgent }) await store.TryInsertAsync(d, Ct);

        var queue = await store.FindWithOpenTasksAsync(10, Ct);

        Assert.Equal([urgent.Id, later.Id], queue.Select(d => d.Id));
        Assert.Equal([urgent.Id], (await store.FindWithOpenTasksAsync(1, Ct)).Select(d => d.Id));
    }

    [Fact]
    public async Task The_overdue_search_finds_tasks_past_due_not_yet_escalated_most_overdue_first()
    {
        var store = Leads();
        var now = new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero);
        var late = SampleDocuments.Lead(now.AddMinutes(-5));
        var later = SampleDocuments.Lead(now.AddHours(-2));
        var notYet = SampleDocuments.Lead(now.AddMinutes(5));
        var escalated = SampleDocuments.Lead(now.AddHours(-3));
        escalated.Tasks[0].EscalatedAt = now.AddHours(-3);
        escalated.RefreshDueTimes();
        var done = SampleDocuments.Lead(now.AddHours(-4), openTask: false);
        foreach (var d in new[] { late, later, notYet, escalated, done }) await store.TryInsertAsync(d, Ct);

        var overdue = await store.FindOverdueAsync(now, 10, Ct);

        Assert.Equal([later.Id, late.Id], overdue.Select(d => d.Id));
        Assert.Equal([later.Id], (await store.FindOverdueAsync(now, 1, Ct)).Select(d => d.Id));
        Assert.NotNull((await store.GetAsync(escalated.Id, Ct))!.NextDueAt); // escalated, still in the queue
    }

    [Fact]
    public async Task A_lead_with_outreach_and_evidence_reads_back_exactly_and_its_chain_still_verifies()
    {
        var store = Leads();
        var lead = SampleDocuments.Lead();

        Assert.True(await store.TryInsertAsync(lead, Ct));

        var read = (await store.GetAsync(lead.Id, Ct))!;
        Assert.Equal(JsonSerializer.Serialize(lead, Json), JsonSerializer.Serialize(read, Json));
        Assert.True(EvidenceChain.Verify(read.Evidence).IsIntact);
        Assert.Equal(OutreachStatus.Sent, Assert.Single(read.Outreach).Status);
    }

    [Fact]
    public async Task Evidence_appended_after_a_read_links_to_the_stored_chain()
    {
        var store = Leads();
        var lead = SampleDocuments.Lead();
        await store.TryInsertAsync(lead, Ct);

        var read = (await store.GetAsync(lead.Id, Ct))!;
        read.AppendEvidence(SampleDocuments.Evidence(lead.Id, "blocked", null, DateTimeOffset.UtcNow));
        await store.ReplaceAsync(read, Ct);

        var again = (await store.GetAsync(lead.Id, Ct))!;
        Assert.Equal(3, again.Evidence.Count);
        Assert.Equal(new EvidenceChainVerification { IsIntact = true, RecordCount = 3 }, EvidenceChain.Verify(again.Evidence));
    }

    [Fact]
    public async Task A_lead_is_found_by_its_E164_phone_and_only_that_lead()
    {
        var store = Leads();
        var mine = SampleDocuments.Lead(phone: "+14155550134");
        var other = SampleDocuments.Lead(phone: "+14155550199");
        var none = SampleDocuments.Lead(phone: null);
        foreach (var d in new[] { mine, other, none }) await store.TryInsertAsync(d, Ct);

        Assert.Equal([mine.Id], (await store.FindByPhoneAsync("+14155550134", 10, Ct)).Select(d => d.Id));
        Assert.Equal([other.Id], (await store.FindByPhoneAsync("+14155550199", 10, Ct)).Select(d => d.Id));
        Assert.Empty(await store.FindByPhoneAsync("+14155550000", 10, Ct));
    }
}
