using System.Text.Json;
using LeadPlatform.Intake.Api;
using LeadPlatform.LoadTool;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Outbox;
using LiteDatabase = LiteDB.LiteDatabase;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.IntakeBenchmark;

/// <summary>
/// The price of durability: the bare endpoint plus one group-committed LiteDB insert of the same document (the
/// deserialised request and its event in the document's outbox, one write, the write path intake's store uses), answered
/// 202 once the commit holding it is on disk. No lookups, no dedupe key, no sealing: what is left of intake's cost above
/// this line is intake's own work.
/// </summary>
internal static class DurableBaselineEndpoint
{
    private const string MessageUrn = "urn:message:LeadPlatform.IntakeBenchmark:DurableBaselineRequest";

    public static (WebApplication App, IDisposable Store) Build(string dataFolder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var database = LiteDbFiles.Open(dataFolder, "durable-baseline.db");
        var store = new BaselineStore(database);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        app.MapPost(BareIntakeEndpoint.Path, async (HttpRequest request) =>
        {
            var parsed = await JsonSerializer.DeserializeAsync<QuoteRequestBody>(request.Body, json);
            if (parsed is null) return Results.BadRequest();
            var now = DateTimeOffset.UtcNow;
            var document = new BaselineDocument { Id = Ids.New(), ReceivedAt = now, Request = parsed };
            // Its event beside it, as intake stores one (the body as the payload: the same size, no contract type to map).
            document.Outbox.Add(new OutboxEntry
            {
                MessageId = Ids.New(),
                MessageUrn = MessageUrn,
                Payload = JsonSerializer.Serialize(parsed, json),
                ConversationId = document.Id,
                CorrelationId = document.Id,
                CreatedAt = StoredTime.Truncate(now),
            });
            if (!await store.TryInsertAsync(document)) return Results.Conflict();
            return Results.Accepted($"{BareIntakeEndpoint.Path}/{document.Id}", new QuoteRequestAccepted(document.Id));
        });
        return (app, store);
    }

    private sealed class BaselineStore(LiteDatabase database) : LiteDbDocumentStore<BaselineDocument>(database, "requests");
}
