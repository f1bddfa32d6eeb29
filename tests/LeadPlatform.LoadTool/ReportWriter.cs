using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadPlatform.LoadTool;

/// <summary>The summary tables at the end of a run, and the same results as JSON.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Print(RunReport report, TextWriter o)
    {
        var p = report.Pipeline;
        var c = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine($"== {report.Options.Describe()} — {report.Deployment}");
        o.WriteLine($"   tasks found by {report.CompletionMethod}; hop message sizes {string.Join(" / ", report.MessageSizes)} bytes");
        o.WriteLine();
        o.WriteLine(string.Create(c, $"{"",-44} {"count",8} {"per s",9} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"max ms",9} {"errors",7}"));
        o.WriteLine(Row(c, "intake: submit → 202 (client)", p.Accepted, p.SubmitPerSecond, p.HttpLatency, p.Errors));
        o.WriteLine(Row(c, "pipeline: received → task created", p.Completed, p.TasksPerSecond, p.SpeedToLead, p.Missing));
        foreach (var b in report.Baselines) o.WriteLine(Row(c, b.Name, b.Count, b.PerSecond, b.Latency, b.Errors));
        o.WriteLine();
        if (report.PipelineOverBroker is { } pb)
            o.WriteLine(string.Create(c, $"pipeline / broker ceiling: {pb:P0} (tasks/s {p.TasksPerSecond:0} over {report.BrokerCeilingPerSecond:0} msg/s through 3 hops; target >= 30%)"));
        if (report.IntakeOverHttp is { } ih)
            o.WriteLine(string.Create(c, $"intake / HTTP ceiling:      {ih:P0} (accepted/s {p.SubmitPerSecond:0} over {report.HttpCeilingPerSecond:0})"));
        if (report.PipelineOverHttp is { } ph)
            o.WriteLine(string.Create(c, $"pipeline / HTTP ceiling:    {ph:P0}"));
        if (report.Options.Rate > 0)
            o.WriteLine(string.Create(c, $"(offered load {report.Options.Rate:0.#} req/s: the ratios are of a paced run, not of a ceiling)"));
        if (p.ErrorKinds.Count > 0) o.WriteLine("errors: " + string.Join("; ", p.ErrorKinds));
        o.WriteLine();

        var r = p.Resources;
        o.WriteLine(string.Create(c, $"{"process",-36} {"pid",8} {"peak RSS MB",12} {"VmHWM MB",10} {"CPU s",8} {"CPU ms/req",11}"));
        foreach (var proc in r.Processes)
            o.WriteLine(string.Create(c, $"{proc.Name,-36} {proc.Pid,8} {proc.PeakRssMb,12:0} {proc.HighWaterMarkMb,10:0} {proc.CpuSeconds,8:0.0} {1000 * proc.CpuSeconds / Math.Max(1, p.Completed),11:0.00}"));
        o.WriteLine(string.Create(c,
            $"machine: {r.Cores} cores, busy {r.MachineBusyShare:P0} over {r.ElapsedSeconds:0.0} s, of which others' processes {r.OthersShare:P0}; load average {r.LoadAverageAtStart:0.0} → {r.LoadAverageAtEnd:0.0}"));
        if (p.QueueSamples.Count > 0)
        {
            o.WriteLine();
            var peaks = p.Queues.Select(q => $"{q} {p.QueueSamples.Max(s => s.Depths.GetValueOrDefault(q))}");
            o.WriteLine(string.Create(c, $"queue depth (ready), {p.QueueSamples.Count} samples at 1 s: max total {p.MaxQueued}, trend {p.QueueGrowthPerSecond:+0.0;-0.0;0} msg/s while submitting, last {p.QueueSamples[^1].Total}"));
            o.WriteLine("  peak per queue: " + string.Join(", ", peaks));
            o.WriteLine("  total over time: " + string.Join(" ", Thin(p.QueueSamples, 30).Select(s => string.Create(c, $"{s.AtSeconds:0}s:{s.Total}"))));
        }
    }

    private static IEnumerable<QueueSample> Thin(IReadOnlyList<QueueSample> samples, int max)
    {
        var step = Math.Max(1, (int)Math.Ceiling(samples.Count / (double)max));
        for (var i = 0; i < samples.Count; i += step) yield return samples[i];
    }

    private static string Row(CultureInfo c, string name, int count, double perSecond, LatencySummary l, int errors) => string.Create(c,
        $"{Truncate(name, 44),-44} {count,8} {perSecond,9:0.0} {l.P50,9:0.0} {l.P90,9:0.0} {l.P99,9:0.0} {l.Max,9:0.0} {errors,7}");

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    public static string Json(RunReport report) => JsonSerializer.Serialize(new
    {
        report.FinishedAt,
        options = new
        {
            report.Options.Target,
            requests = report.Options.RequestCount,
            durationSeconds = report.Options.Duration?.TotalSeconds,
            report.Options.Rate,
            report.Options.Concurrency,
            report.Options.Warmup,
            report.Options.LogLevel,
        },
        report.Deployment,
        report.CompletionMethod,
        messageSizes = report.MessageSizes,
        pipeline = new
        {
            report.Pipeline.Sent,
            report.Pipeline.Accepted,
            report.Pipeline.Errors,
            report.Pipeline.ErrorKinds,
            report.Pipeline.Completed,
            report.Pipeline.Missing,
            report.Pipeline.SubmitSeconds,
            report.Pipeline.SubmitPerSecond,
            report.Pipeline.PipelineSeconds,
            report.Pipeline.TasksPerSecond,
            httpLatencyMs = report.Pipeline.HttpLatency,
            speedToLeadMs = report.Pipeline.SpeedToLead,
        },
        baselines = report.Baselines.Select(b => new { b.Name, b.Count, seconds = b.Elapsed.TotalSeconds, b.PerSecond, latencyMs = b.Latency, b.Errors }),
        ratios = new { pipelineOverBrokerCeiling = report.PipelineOverBroker, intakeOverHttpCeiling = report.IntakeOverHttp, pipelineOverHttpCeiling = report.PipelineOverHttp },
        resources = new
        {
            processes = report.Pipeline.Resources.Processes,
            report.Pipeline.Resources.Cores,
            report.Pipeline.Resources.ElapsedSeconds,
            report.Pipeline.Resources.MachineBusyShare,
            report.Pipeline.Resources.OthersShare,
            report.Pipeline.Resources.LoadAverageAtStart,
            report.Pipeline.Resources.LoadAverageAtEnd,
        },
        queues = new
        {
            names = report.Pipeline.Queues,
            maxTotal = report.Pipeline.MaxQueued,
            growthPerSecond = report.Pipeline.QueueGrowthPerSecond,
            samples = report.Pipeline.QueueSamples.Select(s => new { s.AtSeconds, s.Total, s.Depths }),
        },
    }, JsonOptions);
}
