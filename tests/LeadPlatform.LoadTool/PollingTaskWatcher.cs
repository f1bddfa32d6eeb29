using System.Net.Http.Headers;
using System.Text.Json;

namespace LeadPlatform.LoadTool;

/// <summary>
/// Asks the follow-up API for each lead (<c>GET /api/v1/leads/{leadId}</c>) until its task is there; the times are
/// the ones the lead view shows (the submitted entry of the timeline: intake's receivedAt; the task's createdAt), so
/// how often it asks changes only when the tool knows, not what it measures. Each lead is first asked 300 ms after it
/// was accepted, then ever less often (up to every 2 s), by a few pollers, to keep the extra load small.
/// </summary>
internal sealed class PollingTaskWatcher : TaskWatcher
{
    private const int Pollers = 2;
    private readonly HttpClient _http;
    private readonly PriorityQueue<(Submission Submission, TimeSpan Wait), DateTimeOffset> _due = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;

    public PollingTaskWatcher(Uri followUpUrl, string? bearerToken)
    {
        _http = new HttpClient { BaseAddress = followUpUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (bearerToken is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        _loops = Enumerable.Range(0, Pollers).Select(_ => Task.Run(LoopAsync)).ToArray();
    }

    public override string Method => "polling GET /api/v1/leads/{leadId} (timeline 'submitted'.at → task createdAt)";

    private int _refusedSaid;

    public int Polls => Volatile.Read(ref _polls);
    private int _polls;

    public override void Expect(Submission submission)
    {
        base.Expect(submission);
        lock (_due) _due.Enqueue((submission, TimeSpan.FromMilliseconds(300)), DateTimeOffset.UtcNow.AddMilliseconds(300));
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            (Submission Submission, TimeSpan Wait) next = (null!, TimeSpan.Zero);
            var found = false;
            lock (_due)
            {
                if (_due.TryPeek(out _, out var at) && at <= DateTimeOffset.UtcNow) found = _due.TryDequeue(out next, out _);
            }
            if (!found)
            {
                try
                {
                    await Task.Delay(20, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            if (!Expected.ContainsKey(next.Submission.QuoteRequestId)) continue; // collected meanwhile
            if (!await TryCompleteAsync(next.Submission))
            {
                var wait = TimeSpan.FromMilliseconds(Math.Min(next.Wait.TotalMilliseconds * 1.5, 2000));
                lock (_due) _due.Enqueue((next.Submission, wait), DateTimeOffset.UtcNow + wait);
            }
        }
    }

    private async Task<bool> TryCompleteAsync(Submission submission)
    {
        Interlocked.Increment(ref _polls);
        try
        {
            using var response = await _http.GetAsync($"/api/v1/leads?quoteRequestId={submission.QuoteRequestId}", _stop.Token);
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden
                && Interlocked.Exchange(ref _refusedSaid, 1) == 0)
                await Console.Error.WriteLineAsync($"Follow-up answered {(int)response.StatusCode} to the task poll: pass --followup-token with a token it accepts (Auth:ApiTokens).");
            if (!response.IsSuccessStatusCode) return false;
            using var lead = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(_stop.Token));
            var id = submission.QuoteRequestId;
            DateTimeOffset? created = null, received = null;
            foreach (var task in lead.RootElement.GetProperty("tasks").EnumerateArray())
                if (task.GetProperty("quoteRequestId").GetGuid() == id) created = task.GetProperty("createdAt").GetDateTimeOffset();
            foreach (var entry in lead.RootElement.GetProperty("timeline").EnumerateArray())
                if (entry.GetProperty("kind").GetString() == "submitted" && entry.TryGetProperty("quoteRequestId", out var q)
                    && q.ValueKind == JsonValueKind.String && q.GetGuid() == id)
                    received = entry.GetProperty("at").GetDateTimeOffset();
            if (created is null || received is null) return false;
            ReceivedAt.TryAdd(id, received.Value);
            TaskCreatedAt.TryAdd(id, created.Value);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _http.Dispose();
        _stop.Dispose();
    }
}
