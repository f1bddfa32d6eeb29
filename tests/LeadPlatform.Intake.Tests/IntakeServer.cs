using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Intake.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// The intake service alone on Kestrel (a free port, real HTTP), LiteDB in a temporary folder, the in-process bus, and
/// two sites: <c>test</c> (no error page) and <c>other</c> (with an error page).
/// </summary>
public sealed class IntakeServer : IAsyncDisposable
{
    public const string TestKey = "test-site-key-0123456789";
    public const string OtherKey = "other-site-key-0123456789";
    public const string TestOrigin = "https://clinic.example";
    public const string OtherOrigin = "https://other.example";
    public const string TestThanks = "https://clinic.example/thanks";
    public const string OtherErrorPage = "https://other.example/form-error";

    private readonly RunningHost _host;

    private IntakeServer(RunningHost host, string dataFolder)
    {
        _host = host;
        DataFolder = dataFolder;
        // Redirects are what these tests look at, so they are not followed.
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }
    /// <summary>A client that follows redirects, as a browser would.</summary>
    public HttpClient Browser => _host.Http;
    public string DataFolder { get; }
    public Uri Address => _host.Address;
    public IServiceProvider Services => _host.App.Services;
    public IQuoteRequestStore Store => Services.GetRequiredService<IQuoteRequestStore>();

    public static Task<IntakeServer> StartAsync(params string[] arguments) => StartAsync(_ => { }, arguments);

    public static async Task<IntakeServer> StartAsync(Action<IServiceCollection> services, params string[] arguments)
    {
        var dataFolder = Directory.CreateTempSubdirectory("leadplatform-intake-").FullName;
        var host = await RunningHost.StartAsync(args => IntakeHost.Build(args, services),
        [
            "--Bus:Transport=InProcess",
            "--Storage:Provider=LiteDb",
            $"--Storage:DataFolder={dataFolder}",
            "--Outbox:PollInterval=00:00:00.100",
            $"--Intake:Sites:test:ApiKey={TestKey}",
            $"--Intake:Sites:test:AllowedOrigins:0={TestOrigin}",
            $"--Intake:Sites:test:ThankYouUrl={TestThanks}",
            $"--Intake:Sites:other:ApiKey={OtherKey}",
            $"--Intake:Sites:other:AllowedOrigins:0={OtherOrigin}",
            "--Intake:Sites:other:ThankYouUrl=https://other.example/thanks",
            $"--Intake:Sites:other:ErrorUrl={OtherErrorPage}",
            "--Intake:RateLimits:PerClientIp:PermitLimit=100000",
            "--Intake:RateLimits:PerSite:PermitLimit=100000",
            .. arguments,
        ]);
        return new IntakeServer(host, dataFolder);
    }

    public Task<long> CountAsync() => Store.CountAsync();

    public async Task<HttpResponseMessage> PostJsonAsync(JsonNode? body, string? apiKey = TestKey, string? origin = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = JsonContent.Create(body) };
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostFormAsync(IEnumerable<KeyValuePair<string, string>> fields, string? origin = TestOrigin, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetStatusAsync(Guid quoteRequestId, string? apiKey = TestKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/quote-requests/{quoteRequestId}");
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return await Http.SendAsync(request);
    }

    /// <summary>The 202 answer's id: the quote request's, and nothing about a lead (issue 14).</summary>
    public static async Task<Guid> QuoteRequestIdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(body);
        Assert.Equal(["quoteRequestId"], body.Select(p => p.Key));
        return Guid.Parse(body["quoteRequestId"]!.GetValue<string>());
    }

    /// <summary>The lead intake linked a request to, as only intake itself knows it (its own store).</summary>
    public async Task<Guid> LeadIdOfAsync(Guid quoteRequestId) => (await Store.GetAsync(quoteRequestId))!.LeadId;

    /// <summary>A JSON request as a web form posts it: names flattened with dots, lists repeated, nulls left out.</summary>
    public static List<KeyValuePair<string, string>> FormOf(JsonObject json)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Walk(string prefix, JsonNode? node)
        {
            switch (node)
            {
                case null: return;
                case JsonObject obj:
                    foreach (var (name, value) in obj) Walk(prefix.Length == 0 ? name : $"{prefix}.{name}", value);
                    return;
                case JsonArray array:
                    foreach (var item in array) Walk(prefix, item);
                    return;
                default:
                    fields.Add(new(prefix, node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()));
                    return;
            }
        }
        Walk(string.Empty, json);
        return fields;
    }

    /// <summary>Stops the service and leaves its data folder, to be read afterwards (and deleted by the caller).</summary>
    public async Task StopKeepingDataAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
