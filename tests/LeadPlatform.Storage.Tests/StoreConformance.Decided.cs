using System.Text.Json;
using LeadPlatform.Intake.Storage;

namespace LeadPlatform.Storage.Tests;

/// <summary>Intake's targeted write of a decision's status (<see cref="IQuoteRequestStore.MarkDecidedAsync"/>), the same on every store.</summary>
public abstract partial class StoreConformance
{
    private static readonly DateTimeOffset DecidedAt = new(2026, 12, 2, 5, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task Marking_a_request_decided_sets_its_status_drops_its_tier_bumps_its_version_and_leaves_the_rest_as_written()
    {
        var store = QuoteRequests();
        var document = SampleDocuments.QuoteRequest();
        Assert.True(await store.TryInsertAsync(document, Ct));

        Assert.Equal(UpdateOutcome.Updated, await store.MarkDecidedAsync(document.Id, QuoteRequestStatus.Qualified, DecidedAt, Ct));

        var read = await store.GetAsync(document.Id, Ct);
        document.Status = QuoteRequestStatus.Qualified;
        document.Tier = null;
        document.UpdatedAt = DecidedAt;
        document.Version = 2;
        Assert.Equal(JsonSerializer.Serialize(document, Json), JsonSerializer.Serialize(read, Json));
        Assert.Single(await store.FindPendingOutboxAsync(10, Ct)); // its event is still to be published
    }

    [Fact]
    public async Task Marking_a_request_decided_again_changes_nothing_and_an_unknown_request_is_not_found()
    {
        var store = QuoteRequests();
        var document = SampleDocuments.QuoteRequest();
        Assert.True(await store.TryInsertAsync(document, Ct));
        Assert.Equal(UpdateOutcome.Updated, await store.MarkDecidedAsync(document.Id, QuoteRequestStatus.Disqualified, DecidedAt, Ct));

        Assert.Equal(UpdateOutcome.Unchanged, await store.MarkDecidedAsync(document.Id, QuoteRequestStatus.Disqualified, DecidedAt.AddMinutes(1), Ct));
        Assert.Equal(UpdateOutcome.NotFound, await store.MarkDecidedAsync(Ids.New(), QuoteRequestStatus.Disqualified, DecidedAt, Ct));

        var read = (await store.GetAsync(document.Id, Ct))!;
        Assert.Equal((QuoteRequestStatus.Disqualified, DecidedAt, 2L), (read.Status, read.UpdatedAt, read.Version));
    }

    [Fact]
    public async Task A_copy_read_before_the_request_was_marked_decided_is_refused_when_written_back()
    {
        var store = QuoteRequests();
        var document = SampleDocuments.QuoteRequest();
        Assert.True(await store.TryInsertAsync(document, Ct));
        var stale = (await store.GetAsync(document.Id, Ct))!;

        Assert.Equal(UpdateOutcome.Updated, await store.MarkDecidedAsync(document.Id, QuoteRequestStatus.Qualified, DecidedAt, Ct));
        stale.SiteId = "another-site";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(stale, Ct));
        var read = (await store.GetAsync(document.Id, Ct))!;
        Assert.Equal((QuoteRequestStatus.Qualified, "clinic"), (read.Status, read.SiteId));
    }
}
