using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.TestSupport;

/// <summary>
/// An SMS provider's HTTP API stand-in on Kestrel on a free loopback port: <c>POST /v1/messages</c> with a JSON body and
/// a bearer key. Like a real provider it honours <c>Idempotency-Key</c>: a request repeating a key gets the first answer
/// and sends no second text. Faults can be scheduled for the next requests: 503 (nothing sent), or the text is sent but
/// the answer comes too late for the client (it times out: the uncertain case).
/// </summary>
public sealed class LocalSmsProvider : IAsyncDisposable
{
    public const string ApiKey = "test-sms-provider-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SmsFault> _faults = new();
    private readonly ConcurrentDictionary<string, string> _sentByKey = new();
    private readonly ConcurrentQueue<ProviderText> _texts = new();
    private readonly ConcurrentQueue<ProviderRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();

    private LocalSmsProvider(WebApplication app) => _app = app;

    /// <summary>The base URL to configure (<c>FollowUp:Sms:BaseUrl</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Texts that went to a phone: one per idempotency key.</summary>
    public IReadOnlyList<ProviderText> Texts => [.. _texts];

    /// <summary>Every request the provider got, repeats included.</summary>
    public IReadOnlyList<ProviderRequest> Requests => [.. _requests];

    /// <summary>How long a <see cref="SmsFault.AnswerTooLate"/> answer is held back.</summary>
    public TimeSpan LateBy { get; set; } = TimeSpan.FromSeconds(5);

    public LocalSmsProvider Then(SmsFault fault)
    {
        _faults.Enqueue(fault);
        return this;
    }

    public static async Task<LocalSmsProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new LocalSmsProvider(app);
        app.MapPost("/v1/messages", provider.HandleAsync);
        await app.StartAsync();
        provider.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/v1/");
        return provider;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
        _requests.Enqueue(new ProviderRequest(key, request.Headers.Authorization.ToString(), body?.ToJsonString() ?? string.Empty));
        if (request.Headers.Authorization.ToString() != $"Bearer {ApiKey}") return Results.Unauthorized();
        if (body?["to"] is null || body["body"] is null) return Results.BadRequest(new { error = "to and body are required" });

        var fault = _faults.TryDequeue(out var next) ? next : SmsFault.None;
        if (fault == SmsFault.Unavailable) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

        var id = string.IsNullOrEmpty(key)
            ? Send(key, body)
            : _sentByKey.GetOrAdd(key, k => Send(k, body));
        if (fault == SmsFault.AnswerTooLate)
        {
            try
            {
                await Task.Delay(LateBy, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
        return Results.Json(new { id, status = "queued" }, statusCode: StatusCodes.Status201Created);
    }

    private string Send(string key, JsonObject body)
    {
        var id = $"SM{_texts.Count + 1:D6}";
        _texts.Enqueue(new ProviderText(id, key, (string?)body["to"] ?? string.Empty, (string?)body["from"], (string?)body["body"] ?? string.Empty));
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }
}
