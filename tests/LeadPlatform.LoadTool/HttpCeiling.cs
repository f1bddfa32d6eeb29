namespace LeadPlatform.LoadTool;

/// <summary>
/// The HTTP ceiling: <see cref="BareIntakeEndpoint"/>, driven by the same <see cref="Submitter"/> as intake (in this process, on loopback).
/// </summary>
internal static class HttpCeiling
{
    public static async Task<CeilingResult> RunAsync(int count, int concurrency, Func<int, byte[]> body, Action<Submitter>? watch, CancellationToken cancellationToken)
    {
        var app = BareIntakeEndpoint.Build();
        await app.StartAsync(cancellationToken);
        try
        {
            using var submitter = new Submitter(new Uri(new Uri(app.Urls.First()), BareIntakeEndpoint.Path), apiKey: null, concurrency);
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
