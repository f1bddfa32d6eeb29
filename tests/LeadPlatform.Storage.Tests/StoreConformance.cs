using System.Text.Json;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Qualification.Storage;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// What every store must do, whatever the database. Each adapter (LiteDB, MongoDB) runs the same cases; a case
/// that passes on one and fails on the other is an adapter bug.
/// </summary>
public abstract partial class StoreConformance
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    protected abstract IQuoteRequestStore QuoteRequests();
    protected abstract IQualificationStore Decisions();
    protected abstract ILeadStore Leads();
    protected abstract IUserAccountStore Accounts();
    protected abstract ITemplateStore Templates();
    protected abstract IReviewStore Reviews();
    protected abstract LeadPlatform.FollowUp.Scheduling.IScheduledOutreachStore ScheduledOutreach();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UserAccount WithVersion(UserAccount account, long version)
    {
        account.Version = version;
        return account;
    }

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
    public async Task Inserts_of_one_id_racing_with_other_writes_store_the_first_and_every_other_write()
    {
        // Two events of a new lead both insert it (one wins); the writes committed beside the loser all land.
        var store = QuoteRequests();
        var contested = SampleDocuments.QuoteRequest();
        var others = Enumerable.Range(0, 40).Select(_ => SampleDocuments.QuoteRequest()).ToList();
        var racing = Enumerable.Range(0, 40).Select(i =>
        {
            var copy = SampleDocuments.QuoteRequest();
            copy.Id = contested.Id;
            copy.SiteId = $"site-{i}";
            return copy;
        }).ToList();

        var results = await Task.WhenAll(racing.Zip(others).SelectMany(pair => new[]
        {
            Task.Run(() => store.TryInsertAsync(pair.First, Ct)),
            Task.Run(() => store.TryInsertAsync(pair.Second, Ct)),
        }));

        Assert.Equal(41, results.Count(r => r));
        Assert.Equal(41, await store.CountAsync(Ct));
        foreach (var other in others) Assert.NotNull(await store.GetAsync(other.Id, Ct));
        Assert.StartsWith("site-", (await store.GetAsync(contested.Id, Ct))!.SiteId, StringComparison.Ordinal);
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
    public async Task An_event_claimed_by_one_dispatcher_is_not_claimed_by_another_until_the_claim_runs_out()
    {
        var store = Decisions();
        var document = SampleDocuments.Decision();
        await store.TryInsertAsync(document, Ct);
        var id = document.Outbox.Single().MessageId;
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

        Assert.True(await store.TryClaimAsync(document.Id, id, "replica-a", now, now.AddSeconds(30), Ct));
        Assert.False(await store.TryClaimAsync(document.Id, id, "replica-b", now.AddSeconds(10), now.AddSeconds(40), Ct));
        Assert.True(await store.TryClaimAsync(document.Id, id, "replica-a", now.AddSeconds(10), now.AddSeconds(40), Ct)); // renewing its own
        Assert.True(await store.TryClaimAsync(document.Id, id, "replica-b", now.AddSeconds(41), now.AddSeconds(71), Ct)); // a's ran out
        Assert.Equal("replica-b", (await store.GetAsync(document.Id, Ct))!.Outbox.Single().ClaimedBy);
        Assert.Single(await store.FindPendingOutboxAsync(10, Ct)); // a claim is not a send

        Assert.True(await store.MarkSentAsync(document.Id, id, now.AddSeconds(42), Ct));
        Assert.False(await store.TryClaimAsync(document.Id, id, "replica-a", now.AddMinutes(5), now.AddMinutes(6), Ct));
    }

    [Fact]
    public async Task Two_dispatchers_claiming_the_same_event_at_once_get_it_once()
    {
        var store = Decisions();
        var document = SampleDocuments.Decision();
        await store.TryInsertAsync(document, Ct);
        var id = document.Outbox.Single().MessageId;
        var now = DateTimeOffset.UtcNow;

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.TryClaimAsync(document.Id, id, $"replica-{i}", now, now.AddSeconds(30), Ct))));

        Assert.Single(claims, c => c);
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
    public async Task An_event_marked_sent_after_its_document_was_read_is_not_pending_again_when_that_read_is_written_back()
    {
        var store = Decisions();
        var document = SampleDocuments.Decision();
        await store.TryInsertAsync(document, Ct);
        var read = (await store.GetAsync(document.Id, Ct))!; // before the mark: its outbox entry is unsent
        Assert.True(await store.MarkSentAsync(document.Id, document.Outbox.Single().MessageId, DateTimeOffset.UtcNow, Ct));

        read.Flags.Add("short_symptom_duration");
        try
        {
            await store.ReplaceAsync(read, Ct); // LiteDB: a mark leaves the version alone and the replace keeps it
        }
        catch (ConcurrencyConflictException)
        {
            // MongoDB: the mark was a versioned write, so the stale read conflicts (and is redone from a fresh one).
        }

        Assert.Empty(await store.FindPendingOutboxAsync(10, Ct));
        Assert.NotNull((await store.GetAsync(document.Id, Ct))!.Outbox.Single().SentAt);
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
    public async Task Leads_sharing_an_email_key_or_phone_key_are_found_with_what_matched_and_only_the_same_identity_key_is_the_same_person()
    {
        var store = QuoteRequests();
        var first = SampleDocuments.QuoteRequest("e1", "p1", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        first.IdentityKey = "i1";
        var sharingThePhone = SampleDocuments.QuoteRequest("e2", "p1", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        sharingThePhone.IdentityKey = "i2";
        var stranger = SampleDocuments.QuoteRequest("e3", "p3");
        var erased = SampleDocuments.QuoteRequest("e1", "p1", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        erased.ErasedAt = erased.ReceivedAt;
        foreach (var d in new[] { sharingThePhone, stranger, first, erased }) await store.TryInsertAsync(d, Ct);

        var byBoth = await store.FindMatchingLeadsAsync("e1", "p1", "i1", Ct);
        Assert.Equal([first.LeadId, sharingThePhone.LeadId], byBoth.Select(m => m.LeadId));
        Assert.Equal((true, true, true), (byBoth[0].Email, byBoth[0].Phone, byBoth[0].SameIdentity));
        Assert.Equal((false, true, false), (byBoth[1].Email, byBoth[1].Phone, byBoth[1].SameIdentity));
        var byEmailOnly = Assert.Single(await store.FindMatchingLeadsAsync("e1", null, "another-person", Ct));
        Assert.Equal((first.LeadId, true, false, false), (byEmailOnly.LeadId, byEmailOnly.Email, byEmailOnly.Phone, byEmailOnly.SameIdentity));
        Assert.Equal(stranger.LeadId, Assert.Single(await store.FindMatchingLeadsAsync("e3", null, null, Ct)).LeadId);
        Assert.Empty(await store.FindMatchingLeadsAsync("nobody", "none", null, Ct));
        Assert.Empty(await store.FindMatchingLeadsAsync(null, null, null, Ct));
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

    [Fact]
    public async Task A_lead_is_found_by_any_of_its_quote_requests_and_only_that_lead()
    {
        var store = Leads();
        var mine = SampleDocuments.Lead();
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        mine.QuoteRequestIds = [first, second];
        var other = SampleDocuments.Lead();
        other.QuoteRequestIds = [Guid.CreateVersion7()];
        foreach (var d in new[] { mine, other }) await store.TryInsertAsync(d, Ct);

        Assert.Equal(mine.Id, (await store.FindByQuoteRequestAsync(first, Ct))?.Id);
        Assert.Equal(mine.Id, (await store.FindByQuoteRequestAsync(second, Ct))?.Id);
        Assert.Equal(other.Id, (await store.FindByQuoteRequestAsync(other.QuoteRequestIds[0], Ct))?.Id);
        Assert.Null(await store.FindByQuoteRequestAsync(Guid.CreateVersion7(), Ct));
    }

    [Fact]
    public async Task The_funnel_finds_leads_first_seen_since_a_time_and_the_not_eligible_list_finds_leads_by_status()
    {
        var store = Leads();
        var old = SampleDocuments.Lead();
        old.CreatedAt = old.CreatedAt.AddDays(-40);
        var recent = SampleDocuments.Lead();
        recent.Status = LeadStatus.NotEligible;
        foreach (var d in new[] { old, recent }) await store.TryInsertAsync(d, Ct);

        Assert.Equal([recent.Id], (await store.FindCreatedSinceAsync(recent.CreatedAt.AddDays(-1), 10, Ct)).Select(d => d.Id));
        Assert.Equal([recent.Id, old.Id], (await store.FindCreatedSinceAsync(old.CreatedAt, 10, Ct)).Select(d => d.Id));
        Assert.Equal([recent.Id], (await store.FindByStatusAsync(LeadStatus.NotEligible, 10, Ct)).Select(d => d.Id));
        Assert.Empty(await store.FindByStatusAsync(LeadStatus.Won, 10, Ct));
    }

    [Fact]
    public async Task The_compliance_lists_find_the_leads_that_existed_and_changed_within_a_period()
    {
        var store = Leads();
        var before = SampleDocuments.Lead(); // created and last changed before the period
        before.CreatedAt = before.CreatedAt.AddDays(-60);
        before.UpdatedAt = before.CreatedAt.AddDays(1);
        var during = SampleDocuments.Lead(); // created before, changed in it
        during.CreatedAt = during.CreatedAt.AddDays(-50);
        during.UpdatedAt = during.CreatedAt.AddDays(25);
        var after = SampleDocuments.Lead(); // created after the period
        after.UpdatedAt = after.CreatedAt;
        foreach (var d in new[] { before, during, after }) await store.TryInsertAsync(d, Ct);

        var found = await store.FindActiveBetweenAsync(during.CreatedAt.AddDays(20), during.CreatedAt.AddDays(30), 10, Ct);

        Assert.Equal([during.Id], found.Select(d => d.Id));
    }

    [Fact]
    public async Task An_account_is_found_by_its_email_and_a_second_account_with_the_same_email_is_refused()
    {
        var store = Accounts();
        var ana = new UserAccount { Id = Guid.CreateVersion7(), Email = "ana@clinic.example", DisplayName = "Ana", PasswordHash = "hash", Roles = ["coordinator"] };
        var again = new UserAccount { Id = Guid.CreateVersion7(), Email = "ana@clinic.example", DisplayName = "Other", Roles = ["admin"] };
        var bea = new UserAccount { Id = Guid.CreateVersion7(), Email = "bea@clinic.example", DisplayName = "Bea", Roles = ["compliance_officer"] };

        Assert.True(await store.TryInsertAsync(ana, Ct));
        Assert.False(await store.TryInsertAsync(again, Ct));
        Assert.True(await store.TryInsertAsync(bea, Ct));

        var found = await store.FindByEmailAsync("ana@clinic.example", Ct);
        Assert.Equal(JsonSerializer.Serialize(WithVersion(ana, 1), Json), JsonSerializer.Serialize(found, Json));
        Assert.Null(await store.FindByEmailAsync("eve@clinic.example", Ct));
        Assert.Equal(["ana@clinic.example", "bea@clinic.example"], (await store.ListAsync(10, Ct)).Select(a => a.Email));
    }

    [Fact]
    public async Task Templates_read_back_as_written_and_list_offered_ones_first_by_channel_language_and_name()
    {
        var store = Templates();
        MessageTemplate Template(string name, string channel, string language, bool retired = false) => new()
        {
            Id = Guid.CreateVersion7(), Name = name, Channel = channel, Language = language, Retired = retired,
            Subject = channel == "email" ? "Your questions about {condition}" : null, Body = "Hello {first_name}, this is {coordinator}.",
            UpdatedBy = "Ana", UpdatedAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero),
            Screening = new TemplateScreening { At = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero), Decision = "cleared", Disclaimers = ["evidence.spondylolysis.email@2025-07.1"] },
        };
        var studies = Template("Studies", "email", "en");
        var retired = Template("Old", "email", "en", retired: true);
        var text = Template("First contact", "sms", "en");
        var spanish = Template("Primer contacto", "email", "es");
        var first = Template("First contact", "email", "en");
        foreach (var t in new[] { studies, retired, text, spanish, first }) Assert.True(await store.TryInsertAsync(t, Ct));

        var read = await store.GetAsync(studies.Id, Ct);
        Assert.Equal(JsonSerializer.Serialize(studies, Json), JsonSerializer.Serialize(read, Json));
        Assert.Equal(["First contact", "Studies", "Primer contacto", "First contact", "Old"], (await store.ListAsync(10, Ct)).Select(t => t.Name));
        Assert.Equal([first.Id, studies.Id, spanish.Id, text.Id, retired.Id], (await store.ListAsync(10, Ct)).Select(t => t.Id));
    }

    [Fact]
    public async Task Reviews_read_back_as_written_list_by_status_oldest_first_and_by_lead_newest_first()
    {
        var store = Reviews();
        var leadId = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        var first = SampleDocuments.Review(leadId, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var second = SampleDocuments.Review(leadId, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var elsewhere = SampleDocuments.Review(other, new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        foreach (var r in new[] { second, first, elsewhere }) Assert.True(await store.TryInsertAsync(r, Ct));

        var read = await store.GetAsync(first.Id, Ct);
        Assert.Equal(JsonSerializer.Serialize(first, Json), JsonSerializer.Serialize(read, Json));

        read!.Status = ReviewStatus.Rejected;
        read.DecidedBy = "Carl";
        read.Reason = "Offer a call instead.";
        await store.ReplaceAsync(read, Ct);
        Assert.Equal([elsewhere.Id, second.Id], (await store.ListAsync(ReviewStatus.Pending, 10, Ct)).Select(r => r.Id));
        Assert.Equal([first.Id], (await store.ListAsync(ReviewStatus.Rejected, 10, Ct)).Select(r => r.Id));
        Assert.Equal([elsewhere.Id, first.Id, second.Id], (await store.ListAsync(null, 10, Ct)).Select(r => r.Id));
        Assert.Equal([second.Id, first.Id], (await store.ForLeadAsync(leadId, 10, Ct)).Select(r => r.Id));
        Assert.Equal("Offer a call instead.", (await store.GetAsync(first.Id, Ct))!.Reason);
    }

    private static LeadPlatform.FollowUp.Scheduling.ScheduledOutreach Scheduled(Guid leadId, DateTimeOffset due) => new()
    {
        Id = Guid.CreateVersion7(),
        LeadId = leadId,
        Channel = "sms",
        Author = "coordinator.ana",
        Text = new ReviewText { Body = "Hi Maria, your quote is ready." },
        CreatedAt = due.AddHours(-10),
        DueAt = due,
        WaitingFor = ["quiet-hours"],
        ScheduledEvidenceId = Guid.CreateVersion7(),
    };

    [Fact]
    public async Task Scheduled_outreach_reads_back_as_written_and_is_due_once_its_time_comes_unless_claimed_under_a_live_lease()
    {
        var store = ScheduledOutreach();
        var leadId = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
        var early = Scheduled(leadId, at.AddHours(-1));
        var onTime = Scheduled(leadId, at);
        var later = Scheduled(Guid.CreateVersion7(), at.AddHours(1));
        foreach (var s in new[] { later, onTime, early }) Assert.True(await store.TryInsertAsync(s, Ct));

        var read = await store.GetAsync(early.Id, Ct);
        Assert.Equal(JsonSerializer.Serialize(early, Json), JsonSerializer.Serialize(read, Json));
        Assert.Equal([early.Id, onTime.Id], (await store.DueAsync(at, 10, Ct)).Select(s => s.Id));
        Assert.Empty(await store.DueAsync(at.AddHours(-2), 10, Ct));

        // Claimed by one replica: not due for anyone until its lease ends.
        read!.ClaimedBy = "replica-a";
        read.LeaseUntil = at.AddMinutes(2);
        await store.ReplaceAsync(read, Ct);
        Assert.Equal([onTime.Id], (await store.DueAsync(at, 10, Ct)).Select(s => s.Id));
        Assert.Equal([early.Id, onTime.Id], (await store.DueAsync(at.AddMinutes(2), 10, Ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task A_second_replica_claiming_the_same_scheduled_outreach_loses_the_write()
    {
        var store = ScheduledOutreach();
        var item = Scheduled(Guid.CreateVersion7(), new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero));
        await store.TryInsertAsync(item, Ct);
        var a = (await store.GetAsync(item.Id, Ct))!;
        var b = (await store.GetAsync(item.Id, Ct))!;

        a.ClaimedBy = "replica-a";
        await store.ReplaceAsync(a, Ct);
        b.ClaimedBy = "replica-b";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(b, Ct));
        Assert.Equal("replica-a", (await store.GetAsync(item.Id, Ct))!.ClaimedBy);
    }

    [Fact]
    public async Task Finished_scheduled_outreach_is_never_due_again_and_lists_by_lead_newest_first_and_waiting_earliest_first()
    {
        var store = ScheduledOutreach();
        var leadId = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);
        var sent = Scheduled(leadId, at.AddHours(-2));
        var waiting = Scheduled(leadId, at.AddHours(3));
        var cancelled = Scheduled(leadId, at.AddHours(1));
        sent.CreatedAt = at.AddHours(-5);
        waiting.CreatedAt = at.AddHours(-4);
        cancelled.CreatedAt = at.AddHours(-3);
        sent.Status = LeadPlatform.FollowUp.Scheduling.ScheduledOutreachStatus.Sent;
        cancelled.Status = LeadPlatform.FollowUp.Scheduling.ScheduledOutreachStatus.Cancelled;
        foreach (var s in new[] { sent, waiting, cancelled }) Assert.True(await store.TryInsertAsync(s, Ct));

        Assert.Empty(await store.DueAsync(at.AddHours(2), 10, Ct));
        Assert.Equal([waiting.Id], (await store.DueAsync(at.AddHours(3), 10, Ct)).Select(s => s.Id));
        Assert.Equal([cancelled.Id, waiting.Id, sent.Id], (await store.ForLeadAsync(leadId, 10, Ct)).Select(s => s.Id));
        Assert.Equal([waiting.Id], (await store.WaitingAsync(10, Ct)).Select(s => s.Id));
    }
}
