using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>The embedded default as a user runs it: its own process, one origin, LiteDB files under a data folder.</summary>
public sealed class Standalone_host(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("leadplatform-standalone-").FullName;

    [Fact]
    public async Task Serves_the_whole_journey_on_one_origin()
    {
        await using var host = await StandaloneProcess.StartAsync(_dataFolder, output);

        using var response = await host.Http.PostAsJsonAsync("/api/v1/quote-requests", SampleQuoteRequest.Create());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"/api/v1/quote-requests/{accepted!["quoteRequestId"]}", response.Headers.Location?.OriginalString);

        Assert.Null(accepted["leadId"]); // the public answer names the request only; its lead is found through follow-up
        var lead = await Eventually.GetAsync(() => host.GetJsonAsync($"/api/v1/leads?quoteRequestId={accepted["quoteRequestId"]}"),
            l => l?["tasks"]?.AsArray().Count == 1, TimeSpan.FromSeconds(10), "the follow-up task");
        var leadId = (string)lead!["leadId"]!;
        Assert.Equal("new", lead!["status"]!.GetValue<string>());
        // Out of the box the acknowledgement clears the compliance check and lands as a file in the outbox folder.
        lead = await Eventually.GetAsync(() => host.GetJsonAsync($"/api/v1/leads/{leadId}"),
            l => l?["outreach"]?.AsArray().Any(o => (string?)o!["status"] == "sent") == true, TimeSpan.FromSeconds(20), "the acknowledgement");
        Assert.Single(Directory.GetFiles(Path.Combine(_dataFolder, "outbox", "email"), "*.eml"));
        Assert.Contains("demonstration clinic address", host.Output, StringComparison.Ordinal);

        // The lead's decisions (health data) only for an API token, checked by qualification itself.
        using (var anonymous = new HttpClient { BaseAddress = host.Http.BaseAddress })
        using (var refused = await anonymous.GetAsync($"/api/v1/qualifications/{leadId}"))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using (var allowed = await host.Http.GetAsync($"/api/v1/qualifications/{leadId}"))
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        foreach (var page in new[] { "/dashboard", "/forms/example", "/openapi/v1.json" })
        {
            using var pageResponse = await host.Http.GetAsync(page);
            Assert.True(pageResponse.IsSuccessStatusCode, $"{page} answered {pageResponse.StatusCode}");
        }
        Assert.Contains("/dashboard", host.Output, StringComparison.Ordinal);
        Assert.Contains("Sign in:", host.Output, StringComparison.Ordinal);
        Assert.Contains("admin@localhost", host.Output, StringComparison.Ordinal);
        Assert.Contains("/api-reference", host.Output, StringComparison.Ordinal);
        Assert.Contains("/forms/example", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_during_a_burst_and_restarted_loses_nothing_that_was_accepted()
    {
        const int burst = 40;
        var accepted = new List<string>();
        await using (var host = await StandaloneProcess.StartAsync(_dataFolder, output))
        {
            var posts = Enumerable.Range(0, burst).Select(async _ =>
            {
                try
                {
                    using var r = await host.Http.PostAsJsonAsync("/api/v1/quote-requests", SampleQuoteRequest.Create(phone: null));
                    if (r.StatusCode != HttpStatusCode.Accepted) return null;
                    var body = await r.Content.ReadFromJsonAsync<JsonObject>();
                    return body!["quoteRequestId"]!.GetValue<string>();
                }
                catch (HttpRequestException)
                {
                    return null; // the kill cut this one off: it was never acknowledged
                }
            }).ToList();
            // Kill -9 as soon as the first half has been acknowledged, with the rest still in flight.
            while (posts.Count(p => p.IsCompletedSuccessfully && p.Result is not null) < burst / 2) await Task.Delay(5);
            host.Kill();
            foreach (var p in posts) if (await p is { } ok) accepted.Add(ok);
        }
        output.WriteLine($"{accepted.Count} of {burst} requests were acknowledged with 202 before the kill");
        Assert.True(accepted.Count >= burst / 2);

        var atTheKill = FollowUpApi.ReadStore(_dataFolder); // what follow-up had written when the process died
        await using var restarted = await StandaloneProcess.StartAsync(_dataFolder, output);
        var requestsLost = 0;
        var tasks = new Dictionary<Guid, int>();
        foreach (var quoteRequestId in accepted)
        {
            if (await restarted.GetJsonAsync($"/api/v1/quote-requests/{quoteRequestId}") is null) requestsLost++;
            var lead = await Eventually.GetAsync(() => restarted.GetJsonAsync($"/api/v1/leads?quoteRequestId={quoteRequestId}"),
                l => l?["tasks"]?.AsArray().Count > 0, TimeSpan.FromSeconds(30), $"the task of quote request {quoteRequestId}");
            tasks[Guid.Parse((string)lead!["leadId"]!)] = lead["tasks"]!.AsArray().Count;
        }
        var rows = new List<FaultTable.Row>
        {
            FaultTable.Count("acknowledged (202) before the kill", tasks.Keys, l => tasks[l], l => atTheKill.GetValueOrDefault(l)?.Tasks == 1),
        };
        FaultTable.Print(output, "Fault 7: standalone host killed (kill -9) during a burst and restarted", "follow-up tasks", rows);
        output.WriteLine($"quote requests missing at intake after the restart: {requestsLost}");
        Assert.Equal(0, requestsLost);
        FaultTable.AssertExactlyOnce(rows);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    /// <summary>The standalone host in its own process, as <c>dotnet run</c> would start it.</summary>
    private sealed class StandaloneProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _output = new();

        private StandaloneProcess(Process process, int port)
        {
            _process = process;
            // Follow-up's APIs need a session or a token: the test token, given to the process below.
            Http = TestApiToken.Authorize(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
            // The standalone host's documented development site.
            Http.DefaultRequestHeaders.Add("X-Api-Key", "example-development-key");
            process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public HttpClient Http { get; }

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public static async Task<StandaloneProcess> StartAsync(string dataFolder, ITestOutputHelper output)
        {
            var port = FreePort.Next();
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var argument in new[]
                     {
                         Path.Combine(AppContext.BaseDirectory, "LeadPlatform.Standalone.dll"),
                         $"--urls=http://127.0.0.1:{port}", $"--Storage:DataFolder={dataFolder}", "--Outbox:PollInterval=00:00:00.200",
                         TestApiToken.Argument,
                     })
            {
                start.ArgumentList.Add(argument);
            }
            var host = new StandaloneProcess(Process.Start(start)!, port);
            try
            {
                await Eventually.GetAsync(() => host.Http.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK,
                    TimeSpan.FromSeconds(60), "the standalone host to be ready");
            }
            catch
            {
                output.WriteLine(host.Output);
                await host.DisposeAsync();
                throw;
            }
            return host;
        }

        public async Task<JsonObject?> GetJsonAsync(string path)
        {
            using var response = await Http.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            else
            {
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
