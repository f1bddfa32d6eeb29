using LeadPlatform.Storage.Outbox;

namespace LeadPlatform.TestSupport;

/// <summary>Polls until a condition holds: asynchronous pipelines get there eventually, or the test fails with what was last seen.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T? last = default;
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (done(last)) return last;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lastError = ex;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}; last seen: {last?.ToString() ?? "(nothing)"}", lastError);
    }

    /// <summary>Waits until every outbox of <paramref name="store"/> is drained: its events are published and stored as sent.</summary>
    public static Task OutboxDrainedAsync(IOutboxStore store, TimeSpan? timeout = null) =>
        GetAsync(() => store.FindPendingOutboxAsync(1, CancellationToken.None), pending => pending.Count == 0,
            timeout ?? TimeSpan.FromSeconds(10), "the outbox to drain");
}
