using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Privacy;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Outbox;
using LeadPlatform.Storage.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Privacy;

/// <summary>Retention on a fake clock: a lead inactive for longer than Privacy:RetentionDays is anonymised, and the others are asked to erase it.</summary>
public sealed class Anonymising_inactive_leads : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-retention-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lead_idle_past_the_retention_period_loses_its_personal_data_and_a_recent_one_keeps_it()
    {
        using var database = LiteDbFiles.Open(_folder, "followup.db", new PersonalDataProtector(new PrivacyOptions()));
        var store = new LiteDbLeadStore(database);
        var idle = NewLead(_clock.GetUtcNow());
        await store.TryInsertAsync(idle, Ct);
        _clock.Advance(TimeSpan.FromDays(300));
        var recent = NewLead(_clock.GetUtcNow());
        await store.TryInsertAsync(recent, Ct);
        _clock.Advance(TimeSpan.FromDays(70)); // idle: 370 days without activity; recent: 70
        var sweep = new RetentionSweep(store, _clock, Options.Create(new PrivacyOptions { RetentionDays = 365 }), NullLogger<RetentionSweep>.Instance);

        Assert.Equal(1, await sweep.SweepOnceAsync(Ct));
        Assert.Equal(0, await sweep.SweepOnceAsync(Ct)); // once

        var anonymised = (await store.GetAsync(idle.Id, Ct))!;
        Assert.Null(anonymised.Person);
        Assert.Null(anonymised.Inquiry);
        Assert.Equal(_clock.GetUtcNow(), anonymised.ErasedAt);
        Assert.Contains("all", anonymised.OptOuts);
        Assert.Equal("erased", anonymised.Timeline[^1].Kind.Name());
        var request = Assert.Single(anonymised.Outbox);
        Assert.Equal(MessageTypes.UrnOf(typeof(LeadErasureRequested)), request.MessageUrn);
        Assert.Equal(idle.Id, ((LeadErasureRequested)request.Deserialize(out _)).LeadId);

        var kept = (await store.GetAsync(recent.Id, Ct))!;
        Assert.Equal("Maria", kept.Person!.FirstName);
        Assert.Null(kept.ErasedAt);
    }

    [Fact]
    public async Task Without_a_retention_period_nothing_is_anonymised()
    {
        using var database = LiteDbFiles.Open(_folder, "followup.db", new PersonalDataProtector(new PrivacyOptions()));
        var store = new LiteDbLeadStore(database);
        await store.TryInsertAsync(NewLead(_clock.GetUtcNow()), Ct);
        _clock.Advance(TimeSpan.FromDays(5000));

        var sweep = new RetentionSweep(store, _clock, Options.Create(new PrivacyOptions()), NullLogger<RetentionSweep>.Instance);

        Assert.Equal(0, await sweep.SweepOnceAsync(Ct));
    }

    private static LeadDocument NewLead(DateTimeOffset at)
    {
        var submitted = SampleMessages.QuoteRequestSubmitted();
        var lead = LeadDocument.New(submitted.LeadId, LeadPlatform.Storage.StoredTime.Truncate(at));
        lead.Person = submitted.Person;
        lead.Inquiry = submitted.Inquiry;
        lead.Consent = submitted.Consent;
        lead.QuoteRequestIds.Add(submitted.QuoteRequestId);
        return lead;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
