using LeadPlatform.Intake.Storage;
using LeadPlatform.Storage;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace LeadPlatform.Intake.Tests;

/// <summary>The database, not the code, refuses a second copy: the unique index on the dedupe key, in both adapters.</summary>
public sealed class Keeping_the_dedupe_key_unique : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-intake-store-").FullName;

    [Fact]
    public async Task LiteDB_refuses_a_second_request_with_the_same_key_even_in_a_file_with_requests_from_before_the_key_existed()
    {
        using var database = LiteDbFiles.Open(_folder, "intake.db");
        var legacy = database.GetCollection(LiteDbQuoteRequestStore.CollectionName);
        legacy.Insert(new LiteDB.BsonDocument { ["_id"] = Guid.NewGuid(), ["SiteId"] = "old" });
        legacy.Insert(new LiteDB.BsonDocument { ["_id"] = Guid.NewGuid(), ["SiteId"] = "old" });

        var store = new LiteDbQuoteRequestStore(database);
        var first = await store.TryInsertAsync(Document("content:test:abc"));
        var second = await store.TryInsertAsync(Document("content:test:abc"));
        var other = await store.TryInsertAsync(Document("content:test:def"));

        Assert.True(first);
        Assert.False(second);
        Assert.True(other);
        Assert.Equal(4, await store.CountAsync());
        Assert.NotNull(await store.FindByDedupeKeyAsync("content:test:abc"));
    }

    [Fact]
    public async Task A_request_without_a_dedupe_key_of_its_own_never_collides_with_another()
    {
        using var database = LiteDbFiles.Open(_folder, "intake.db");
        var store = new LiteDbQuoteRequestStore(database);

        Assert.True(await store.TryInsertAsync(Document(null)));
        Assert.True(await store.TryInsertAsync(Document(null)));
    }

    [Fact]
    public void MongoDB_indexes_the_dedupe_key_as_unique_over_every_document_that_has_one()
    {
        var store = new MongoQuoteRequestStore(new MongoClient("mongodb://127.0.0.1:1").GetDatabase("not-contacted"));

        var model = Assert.Single(store.IndexModels(), m => m.Options.Name == "dedupe_key");

        var serializer = BsonSerializer.LookupSerializer<QuoteRequestDocument>();
        var args = new RenderArgs<QuoteRequestDocument>(serializer, BsonSerializer.SerializerRegistry);
        Assert.Equal(BsonDocument.Parse("{ DedupeKey: 1 }"), model.Keys.Render(args));
        Assert.True(model.Options.Unique);
        var options = Assert.IsType<CreateIndexOptions<QuoteRequestDocument>>(model.Options);
        Assert.Equal(BsonDocument.Parse("{ DedupeKey: { $exists: true } }"), options.PartialFilterExpression.Render(args));
        Assert.Equal(BsonDocument.Parse("{ DedupeKey: 'k' }"), MongoQuoteRequestStore.ByDedupeKey("k").Render(args));
    }

    private static QuoteRequestDocument Document(string? dedupeKey)
    {
        var document = new QuoteRequestDocument { Id = Guid.CreateVersion7(), LeadId = Guid.CreateVersion7(), SiteId = "test", Submission = null! };
        if (dedupeKey is not null) document.DedupeKey = dedupeKey;
        return document;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
