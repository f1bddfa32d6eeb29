using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadPlatform.IntegrationTests.SamePerson;

/// <summary>
/// The standalone host as a clinic runs it, for the "same person or not" tests: the public form API (site key), follow-up's
/// API (test token), the SMS webhook (signed), the dashboard (a signed-in coordinator) and the outbox folder.
/// </summary>
public sealed partial class ClinicHost : IAsyncDisposable
{
    public const string SmsSecret = "same-person-tests-sms-webhook-secret-0123456789";
    public const string CoordinatorPassword = "correct horse battery staple";
    private readonly string _dataFolder;
    private readonly HttpClient _site;
    private readonly HttpClientHandler _browserHandler = new() { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };

    private ClinicHost(RunningHost host, string dataFolder)
    {
        Host = host;
        _dataFolder = dataFolder;
        _site = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        _site.DefaultRequestHeaders.Add("X-Api-Key", "example-development-key");
        Browser = new HttpClient(_browserHandler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public RunningHost Host { get; }
    /// <summary>Follow-up's API with the test token (an integration of the clinic).</summary>
    public HttpClient Api => Host.Http;
    /// <summary>A browser with its own cookies (sign in with <see cref="SignInCoordinatorAsync"/>).</summary>
    public HttpClient Browser { get; }

    public static async Task<ClinicHost> StartAsync(params string[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("leadplatform-same-person-").FullName;
        var host = await RunningHost.StartAsync(StandaloneHost.Build,
            [$"--Storage:DataFolder={folder}", "--Outbox:PollInterval=00:00:00.100", $"--FollowUp:SmsWebhookSecret={SmsSecret}", .. settings]);
        return new ClinicHost(host, folder);
    }

    /// <summary>Posts a quote request as the clinic's website does; returns the lead follow-up filed it under, once it is there.</summary>
    public async Task<Guid> SubmitAsync(JsonObject request)
    {
        using var response = await _site.PostAsJsonAsync("/api/v1/quote-requests", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var quoteRequestId = Guid.Parse((string)body["quoteRequestId"]!);
        return await LeadOfAsync(quoteRequestId, (string?)body["leadId"]);
    }

    /// <summary>
    /// The lead that holds a quote request, as the clinic's integrations find it: follow-up's authenticated lookup by
    /// quote request (or, where the public answer still names the lead, that), once follow-up shows the submission.
    /// </summary>
    private async Task<Guid> LeadOfAsync(Guid quoteRequestId, string? answeredLeadId)
    {
        var lead = await Eventually.GetAsync(async () =>
        {
            if (answeredLeadId is null)
            {
                using var found = await Api.GetAsync($"/api/v1/leads?quoteRequestId={quoteRequestId}");
                if (!found.IsSuccessStatusCode) return null;
                var json = await found.Content.ReadFromJsonAsync<JsonNode>();
                var id = json is JsonArray list ? (string?)list.FirstOrDefault()?["leadId"] : (string?)json?["leadId"];
                if (id is null) return null;
                answeredLeadId = id;
            }
            return await LeadAsync(Guid.Parse(answeredLeadId));
        }, l => l?["submissions"]?.AsArray().Any(s => (string?)s!["quoteRequestId"] == quoteRequestId.ToString()) == true,
            TimeSpan.FromSeconds(30), $"follow-up to show quote request {quoteRequestId}");
        return Guid.Parse((string)lead!["leadId"]!);
    }

    public async Task<JsonObject?> LeadAsync(Guid leadId)
    {
        using var response = await Api.GetAsync($"/api/v1/leads/{leadId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    public Task<JsonObject> LeadWhenAsync(Guid leadId, Func<JsonObject, bool> done, string what) =>
        Eventually.GetAsync(() => LeadAsync(leadId), l => l is not null && done(l), TimeSpan.FromSeconds(30), what)!;

    /// <summary>A text message from <paramref name="from"/> to the clinic's number, as the SMS provider delivers it (signed).</summary>
    public async Task<JsonObject> TextFromAsync(string from, string text)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { from, text, messageId = $"SM{Guid.NewGuid():N}" }));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sms/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SmsWebhookEndpoints.TimestampHeader, now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SmsWebhookEndpoints.SignatureHeader, SmsWebhookEndpoints.Sign(SmsSecret, now, body));
        using var response = await Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The emails written to the outbox folder, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Emails()
    {
        var folder = Path.Combine(_dataFolder, "outbox", "email");
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).OrderBy(m => m.Date)];
    }

    public async Task SignInCoordinatorAsync(string email, string name)
    {
        await Host.App.Services.GetRequiredService<AccountService>().CreateAsync(email, name, CoordinatorPassword, [Roles.Coordinator]);
        using var response = await PostFormAsync("/dashboard/sign-in",
            new() { ["email"] = email, ["password"] = CoordinatorPassword, ["returnUrl"] = "/dashboard" }, "/dashboard/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts a form with the antiforgery token a browser finds on <paramref name="tokenPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string tokenPage)
    {
        var html = await Browser.GetStringAsync(tokenPage);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        return await Browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        _browserHandler.Dispose();
        _site.Dispose();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
