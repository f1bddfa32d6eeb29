using System.Globalization;

namespace LeadPlatform.IntakeBenchmark;

/// <summary>One measured run: throughput and latency percentiles.</summary>
internal sealed record LoadResult(string Target, int Requests, int Concurrency, int Failures, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Rounds taken together: all requests over the summed time, percentiles over all latencies.</summary>
    public static LoadResult Combine(string target, IReadOnlyList<LoadResult> rounds) => new(target,
        rounds.Sum(r => r.Requests), rounds[0].Concurrency, rounds.Sum(r => r.Failures),
        TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)), rounds.SelectMany(r => r.LatenciesMs).ToArray());

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Target,-28} {Requests,8} {Concurrency,5} {RequestsPerSecond,10:0} {P50,9:0.00} {P99,9:0.00} {Failures,8}");
}
