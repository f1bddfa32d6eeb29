using System.Reflection;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Webhooks;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Webhooks;

/// <summary>
/// Every event that may become a webhook (two per lead) asks for the subscription list; follow-up keeps it in memory
/// (<see cref="CachingWebhookStore"/>) instead of reading the store each time. An admin's change must still count from the
/// next event on: a new subscription gets it, a disabled or deleted one does not. Real LiteDB stores in a scratch folder,
/// the admin's changes through the same code as the API's and the dashboard's.
/// </summary>
public sealed class Keeping_the_subscription_list_in_memory : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "webhook-cache-" + Guid.NewGuid().ToString("N"));
    private readonly LiteDB.LiteDatabase _database;
    private readonly LiteDbWebhookStore _inner;
    private readonly CountingWebhookStore _counter;
    private readonly CachingWebhookStore _store;
    private readonly LiteDbWebhookDeliveryStore _deliveries;
    private readonly LiteDbLeadStore _leads;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly WebhookOutbox _outbox;
    private readonly IOptions<WebhookOptions> _options = Options.Create(new WebhookOptions { AllowLocalTargetsForTests = true });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Keeping_the_subscription_list_in_memory()
    {
        _database = LiteDbFiles.Open(_folder, "followup.db");
        _inner = new LiteDbWebhookStore(_database);
        _store = new CachingWebhookStore(CountingWebhookStore.Wrap(_inner, out _counter));
        _deliveries = new LiteDbWebhookDeliveryStore(_database);
        _leads = new LiteDbLeadStore(_database);
        _outbox = new WebhookOutbox(_store, _deliveries, _leads, _time, NullLogger<WebhookOutbox>.Instance);
    }

    public void Dispose()
    {
        _inner.Dispose();
        _deliveries.Dispose();
        _leads.Dispose();
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<Guid> SubscribeAsync(string url)
    {
        var (created, errors) = await WebhookRoutes.SubscribeAsync(new WebhookBody(url, [WebhookEvents.LeadOptedOut]), "admin@clinic.example", _store, _options, _time,
            NullLoggerFactory.Instance, Ct);
        Assert.Empty(errors);
        return created!.Subscription.Id;
    }

    private Task RaiseAsync(int n) => _outbox.RaiseAsync(WebhookEvents.LeadOptedOut, Guid.CreateVersion7(), _time.GetUtcNow(), $"opted_out:test:{n}",
        new JsonObject { ["status"] = "opted_out", ["channel"] = "email" }, Ct);

    private async Task<int> DeliveriesFor(Guid subscription) => (await _deliveries.ForSubscriptionAsync(subscription, 500, Ct)).Count;

    [Fact]
    public async Task Many_events_read_the_list_once_and_each_change_counts_from_the_next_event()
    {
        var first = await SubscribeAsync("http://127.0.0.1:9/first");
        for (var n = 0; n < 20; n++) await RaiseAsync(n);
        Assert.Equal(20, await DeliveriesFor(first));
        Assert.Equal(1, _counter.Lists); // twenty events, one read of the list

        var second = await SubscribeAsync("http://127.0.0.1:9/second");
        await RaiseAsync(20);
        Assert.Equal(1, await DeliveriesFor(second)); // subscribed a moment ago: the next event reaches it
        Assert.Equal(21, await DeliveriesFor(first));

        Assert.True(await WebhookRoutes.SetDisabledAsync(first, disabled: true, "admin@clinic.example", _store, _deliveries, _time, NullLoggerFactory.Instance, Ct));
        await RaiseAsync(21);
        Assert.Equal(21, await DeliveriesFor(first)); // disabled: nothing new for it
        Assert.Equal(2, await DeliveriesFor(second));

        var subscription = (await _store.GetAsync(second, Ct))!;
        subscription.DeletedAt = _time.GetUtcNow();
        await _store.ReplaceAsync(subscription, Ct);
        await RaiseAsync(22);
        Assert.Equal(2, await DeliveriesFor(second)); // deleted: nothing new either
        Assert.Equal(4, _counter.Lists); // read again after each of the three changes only
    }

    /// <summary>The store as it is, counting its list reads.</summary>
    public class CountingWebhookStore : DispatchProxy
    {
        private int _lists;
        private IWebhookStore _inner = null!;

        public int Lists => Volatile.Read(ref _lists);

        public static IWebhookStore Wrap(IWebhookStore inner, out CountingWebhookStore counter)
        {
            var proxy = Create<IWebhookStore, CountingWebhookStore>();
            counter = (CountingWebhookStore)(object)proxy;
            counter._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IWebhookStore.ListAsync)) Interlocked.Increment(ref _lists);
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
}
