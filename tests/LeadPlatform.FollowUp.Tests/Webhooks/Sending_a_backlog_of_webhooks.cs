using LeadPlatform.FollowUp.Webhooks;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Tests.Webhooks;

/// <summary>
/// After a receiver's outage thousands of deliveries can be due at once; the sender polls every 2 s and takes fifty. Each
/// poll must hand it the fifty that have waited longest, whole (payload readable), and nothing that is not due or no longer
/// pending, however the backlog was written. Real LiteDB store in a scratch folder.
/// </summary>
public sealed class Sending_a_backlog_of_webhooks : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "webhook-backlog-" + Guid.NewGuid().ToString("N"));
    private readonly LiteDB.LiteDatabase _database;
    private readonly LiteDbWebhookDeliveryStore _deliveries;
    private readonly DateTimeOffset _now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Sending_a_backlog_of_webhooks()
    {
        _database = LiteDbFiles.Open(_folder, "followup.db");
        _deliveries = new LiteDbWebhookDeliveryStore(_database);
    }

    public void Dispose()
    {
        _deliveries.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StoreAsync(int minutesWaiting, string status = WebhookDelivery.Pending)
    {
        var delivery = new WebhookDelivery
        {
            Id = Guid.CreateVersion7(),
            SubscriptionId = Guid.CreateVersion7(),
            Event = WebhookEvents.LeadOptedOut,
            LeadId = Guid.CreateVersion7(),
            Payload = new WebhookPayload { Json = $$"""{"waited":{{minutesWaiting}}}""" },
            Status = status,
            CreatedAt = StoredTime.Truncate(_now.AddDays(-1)),
            NextAttemptAt = StoredTime.Truncate(_now.AddMinutes(-minutesWaiting)),
        };
        Assert.True(await _deliveries.TryInsertAsync(delivery, Ct));
    }

    [Fact]
    public async Task Each_poll_takes_the_longest_waiting_due_deliveries_whole_and_nothing_else()
    {
        // 120 due, written in no particular order; 10 not due yet; 10 delivered or failed long ago.
        var waits = Enumerable.Range(1, 120).OrderBy(n => (n * 37) % 120).ToList();
        foreach (var minutes in waits) await StoreAsync(minutes);
        for (var n = 1; n <= 10; n++) await StoreAsync(-n);
        for (var n = 0; n < 5; n++) await StoreAsync(500 + n, WebhookDelivery.Delivered);
        for (var n = 0; n < 5; n++) await StoreAsync(600 + n, WebhookDelivery.Failed);

        var first = await _deliveries.DueAsync(_now, 50, Ct);

        Assert.Equal(Enumerable.Range(71, 50).Reverse(), first.Select(d => (int)(_now - d.NextAttemptAt).TotalMinutes));
        Assert.All(first, d => Assert.Equal(WebhookDelivery.Pending, d.Status));
        Assert.All(first, d => Assert.Equal($$"""{"waited":{{(int)(_now - d.NextAttemptAt).TotalMinutes}}}""", d.Payload.Json));

        // The sender delivers those fifty; the next poll takes the next fifty.
        foreach (var d in first)
        {
            d.Status = WebhookDelivery.Delivered;
            await _deliveries.ReplaceAsync(d, Ct);
        }
        Assert.Equal(Enumerable.Range(21, 50).Reverse(), (await _deliveries.DueAsync(_now, 50, Ct)).Select(d => (int)(_now - d.NextAttemptAt).TotalMinutes));
        Assert.Equal(70, (await _deliveries.DueAsync(_now, 500, Ct)).Count); // seventy still due: none lost, none twice
    }
}
