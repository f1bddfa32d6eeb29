using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.TestSupport;

/// <summary>
/// A local HTTP listener that speaks Seq's ingestion API (CLEF, newline-delimited JSON, on <c>/ingest/clef</c> and
/// <c>/api/events/raw</c>): point <c>Seq:ServerUrl</c> at <see cref="Url"/> and read what the services logged.
/// </summary>
public sealed class FakeSeq : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _events = new();

    private FakeSeq(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }

    public IReadOnlyList<JsonObject> Events => _events.ToArray();

    public static async Task<FakeSeq> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var seq = new FakeSeq(app, $"http://127.0.0.1:{port}");
        app.MapPost("/ingest/clef", seq.IngestAsync);
        app.MapPost("/api/events/raw", seq.IngestAsync);
        await app.StartAsync();
        return seq;
    }

    private async Task<IResult> IngestAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (JsonNode.Parse(line) is JsonObject clef) _events.Enqueue(clef);
        }
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    /// <summary>The events whose property <paramref name="name"/> renders as <paramref name="value"/>.</summary>
    public IReadOnlyList<JsonObject> EventsWith(string name, string value) =>
        Events.Where(e => e[name] is JsonNode n && ValueOf(n) == value).ToList();

    public static string? ValueOf(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
