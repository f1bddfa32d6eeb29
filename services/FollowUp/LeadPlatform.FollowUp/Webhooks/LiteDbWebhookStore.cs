using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Webhooks;

public sealed class LiteDbWebhookStore : LiteDbDocumentStore<WebhookSubscription>, IWebhookStore
{
    public const string CollectionName = "webhooks";

    public LiteDbWebhookStore(LiteDatabase database) : base(database, CollectionName) =>
        LiteDbFiles.SealFields<WebhookSecret>(database, WebhookSecret.SealedPurpose, WebhookSecret.SealedFields);

    public Task<IReadOnlyList<WebhookSubscription>> ListAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookSubscription>>(Collection.Query().Where(x => x.DeletedAt == null).OrderBy(x => x.CreatedAt).Limit(max).ToList());
}
