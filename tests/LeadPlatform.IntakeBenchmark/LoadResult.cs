using System.Globalization;

namespace LeadPlatform.IntakeBenchmark;

/// <summary>
/// One measured run: throughput, latency percentiles, and the process's CPU time over the run and until the process fell
/// quiet after it (<see cref="Cpu"/>: work a request left behind, its outbox, is counted to the target that caused it).
/// </summary>
internal sealed record LoadResult(string Target, int Requests, int Concurrency, int Failures, TimeSpan Elapsed, double[] LatenciesMs, TimeSpan Cpu)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
    /// <summary>The benchmark process's CPU per request, the load generator's own share included (the same for every target).</summary>
    public double CpuMsPerRequest => Cpu.TotalMilliseconds / Requests;
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
        TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)), rounds.SelectMany(r => r.LatenciesMs).ToArray(),
        TimeSpan.FromTicks(rounds.Sum(r => r.Cpu.Ticks)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Target,-28} {Requests,8} {Concurrency,5} {RequestsPerSecond,10:0} {P50,9:0.00} {P99,9:0.00} {CpuMsPerRequest,9:0.000} {Failures,8}");
}
