using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

public sealed class LiteDbWebhookStore : LiteDbDocumentStore<WebhookSubscription>, IWebhookStore
{
    public const string CollectionName = "webhooks";

    public LiteDbWebhookStore(LiteDatabase database) : base(database, CollectionName) =>
        LiteDbFiles.SealFields<WebhookSecret>(database, WebhookSecret.SealedPurpose, WebhookSecret.SealedFields);

    /// <remarks>
    /// Sorted here, not by LiteDB: every LiteDB ORDER BY on a field without an index allocates an 800 KB sort buffer on the
    /// large object heap, and this list is read for every event that may become a webhook (two per lead) — under a burst that
    /// was a third of follow-up's CPU and most of its garbage. The filter is LiteDB's expression text, not a C# lambda (which
    /// builds an expression tree by reflection on every call). The subscriptions are few; the result is the same.
    /// </remarks>
    public Task<IReadOnlyList<WebhookSubscription>> ListAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookSubscription>>(Collection.Find("$.DeletedAt = null").OrderBy(x => x.CreatedAt).Take(max).ToList());
}
