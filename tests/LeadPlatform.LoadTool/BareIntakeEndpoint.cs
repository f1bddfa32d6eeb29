using System.Text.Json;
using LeadPlatform.Intake.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.LoadTool;

/// <summary>
/// The HTTP baseline of the load tool and the intake benchmark (compiled into both): Kestrel on loopback with one
/// endpoint at intake's path that deserialises the same JSON into intake's own body type and answers 202 with ids.
/// </summary>
internal static class BareIntakeEndpoint
{
    public const string Path = "/api/v1/quote-requests";

    public static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        app.MapPost(Path, async (HttpRequest request) =>
        {
            var parsed = await JsonSerializer.DeserializeAsync<QuoteRequestBody>(request.Body, json);
            if (parsed is null) return Results.BadRequest();
            var id = Guid.CreateVersion7();
            return Results.Accepted($"{Path}/{id}", new QuoteRequestAccepted(id));
        });
        return app;
    }
}
