using System.Text.Json;
using LeadPlatform.Intake.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.LoadTool;

/// <summary>
/// The HTTP ceiling: a bare Kestrel endpoint at intake's path that deserialises the same JSON into intake's own body
/// type and answers 202 with ids, driven by the same <see cref="Submitter"/> as intake (in this process, on loopback).
/// </summary>
internal static class HttpCeiling
{
    public static async Task<CeilingResult> RunAsync(int count, int concurrency, Func<int, byte[]> body, Action<Submitter>? watch, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        app.MapPost("/api/v1/quote-requests", async (HttpRequest request) =>
        {
            var parsed = await JsonSerializer.DeserializeAsync<QuoteRequestBody>(request.Body, json);
            if (parsed is null) return Results.BadRequest();
            var id = Guid.CreateVersion7();
            return Results.Accepted($"/api/v1/quote-requests/{id}", new QuoteRequestAccepted(id, Guid.CreateVersion7()));
        });
        await app.StartAsync(cancellationToken);
        try
        {
            using var submitter = new Submitter(new Uri(new Uri(app.Urls.First()), "/api/v1/quote-requests"), apiKey: null, concurrency);
            watch?.Invoke(submitter);
            var run = await submitter.RunAsync(count, null, 0, body, null, cancellationToken);
            return new CeilingResult("HTTP ceiling (bare Kestrel, deserialise, 202)", run.Submissions.Count, run.Elapsed, run.HttpLatency, run.Errors);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
