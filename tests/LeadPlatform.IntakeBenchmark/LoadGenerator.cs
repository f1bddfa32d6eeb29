using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace LeadPlatform.IntakeBenchmark;

/// <summary>A fixed number of POSTs with bounded concurrency over loopback, each timed from send to the end of its answer.</summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(string target, Uri url, IReadOnlyList<byte[]> bodies, int concurrency, string? apiKey)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        }) { Timeout = TimeSpan.FromSeconds(60) };
        var latencies = new double[bodies.Count];
        var cpuBefore = Cpu();
        var next = -1;
        var failures = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Accepted) Interlocked.Increment(ref failures);
            }
        }));
        var elapsed = total.Elapsed;
        await QuietAsync();
        return new LoadResult(target, bodies.Count, concurrency, failures, elapsed, latencies, Cpu() - cpuBefore);
    }

    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// Until the process uses less than 5% of a core over a quarter of a second (at most 30 s): what the run left to do
    /// (outbox dispatch, the standalone's qualification and follow-up) is done and counted before the next run starts.
    /// </summary>
    private static async Task QuietAsync()
    {
        var window = TimeSpan.FromMilliseconds(250);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var before = Cpu();
            await Task.Delay(window);
            if (Cpu() - before < window * 0.05) return;
        }
    }
}
