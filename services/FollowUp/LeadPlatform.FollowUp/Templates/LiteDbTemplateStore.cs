using LiteDB;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Templates;

public sealed class LiteDbTemplateStore(LiteDatabase database) : LiteDbDocumentStore<MessageTemplate>(database, CollectionName), ITemplateStore
{
    public const string CollectionName = "templates";

    public Task<IReadOnlyList<MessageTemplate>> ListAsync(int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MessageTemplate>>(TemplateOrder.Sort(Collection.Query().Limit(max).ToList()));
}
