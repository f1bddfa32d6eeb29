namespace LeadPlatform.LoadTool;

/// <summary>A baseline run: how many, in how long, with what latency (send → last hop, or the HTTP answer).</summary>
internal sealed record CeilingResult(string Name, int Count, TimeSpan Elapsed, LatencySummary Latency, int Errors)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;
}
