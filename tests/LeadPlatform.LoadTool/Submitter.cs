using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LeadPlatform.LoadTool;

/// <summary>
/// Posts quote requests to one URL, as fast as possible (a fixed number in flight) or at a fixed rate (an open model:
/// each request leaves at its scheduled time, whether or not the earlier ones were answered), for a count or a duration.
/// The same code drives intake and the bare Kestrel baseline.
/// </summary>
internal sealed class Submitter(Uri url, string? apiKey, int concurrency) : IDisposable
{
    private const int MaxInFlightAtRate = 1024;
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(concurrency, 64),
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    }) { Timeout = TimeSpan.FromSeconds(60) };

    public int Sent => Volatile.Read(ref _sent);
    public int Answered => Volatile.Read(ref _answered);
    public int Failed => Volatile.Read(ref _failed);
    private int _sent;
    private int _answered;
    private int _failed;

    /// <param name="count">How many (0: until <paramref name="duration"/> has passed).</param>
    /// <param name="accepted">Called for each accepted request, as soon as it is answered.</param>
    public async Task<SubmitRun> RunAsync(int count, TimeSpan? duration, double rate, Func<int, byte[]> body, Action<Submission>? accepted,
        CancellationToken cancellationToken)
    {
        var submissions = new List<Submission>();
        var clock = Stopwatch.StartNew();
        bool More(int i) => (count <= 0 || i < count) && (duration is null || clock.Elapsed < duration);
        if (rate <= 0)
        {
            var next = -1;
            var perWorker = Enumerable.Range(0, concurrency).Select(_ => new List<Submission>()).ToArray();
            await Task.WhenAll(perWorker.Select(async mine =>
            {
                int i;
                while (More(i = Interlocked.Increment(ref next)) && !cancellationToken.IsCancellationRequested)
                    mine.Add(await SendAsync(i, body(i), accepted));
            }));
            submissions.AddRange(perWorker.SelectMany(w => w));
        }
        else
        {
            using var inFlight = new SemaphoreSlim(MaxInFlightAtRate);
            var tasks = new List<Task<Submission>>();
            for (var i = 0; More(i) && !cancellationToken.IsCancellationRequested; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate);
                if (due > duration) break;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
                await inFlight.WaitAsync(cancellationToken);
                var index = i;
                var content = body(index);
                tasks.Add(Task.Run(async () =>
                {
                    try
                    {
                        return await SendAsync(index, content, accepted);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, cancellationToken));
            }
            submissions.AddRange(await Task.WhenAll(tasks));
        }
        var elapsed = clock.Elapsed;
        submissions.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new SubmitRun(submissions, elapsed);
    }

    private async Task<Submission> SendAsync(int index, byte[] body, Action<Submission>? accepted)
    {
        var submission = new Submission { Index = index, SentAt = DateTimeOffset.UtcNow };
        Interlocked.Increment(ref _sent);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
            using var response = await _client.SendAsync(request);
            var answer = await response.Content.ReadAsByteArrayAsync();
            submission.HttpMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            submission.Status = (int)response.StatusCode;
            if (submission.Status == 202)
            {
                using var json = JsonDocument.Parse(answer);
                submission.QuoteRequestId = json.RootElement.GetProperty("quoteRequestId").GetGuid();
            }
            else
            {
                submission.Error = $"HTTP {submission.Status}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            submission.HttpMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            submission.Error = ex.GetType().Name + ": " + ex.Message;
        }
        Interlocked.Increment(ref _answered);
        if (submission.Accepted) accepted?.Invoke(submission);
        else Interlocked.Increment(ref _failed);
        return submission;
    }

    public void Dispose() => _client.Dispose();
}
