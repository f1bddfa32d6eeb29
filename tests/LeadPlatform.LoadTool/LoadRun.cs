using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.LoadTool;

/// <summary>
/// One run of the tool: start (or find) the services, warm them up, run the baselines, the pipeline phase (with
/// memory, CPU and queue depth sampled), the baselines again, then print the summary and write the JSON.
/// </summary>
internal static class LoadRun
{
    private static readonly IReadOnlyList<int> DefaultSizes = [2500, 1500, 1200];

    public static async Task<int> MainAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (UsageException ex)
        {
            if (ex.Message.Length > 0) output.WriteLine(ex.Message);
            output.WriteLine(LoadOptions.Usage);
            return ex.Message.Length > 0 ? 2 : 0;
        }
        var report = await RunAsync(options, output, cancellationToken);
        ReportWriter.Print(report, output);
        if (options.JsonPath is not null)
        {
            await File.WriteAllTextAsync(options.JsonPath, ReportWriter.Json(report), cancellationToken);
            output.WriteLine($"Results written to {Path.GetFullPath(options.JsonPath)}");
        }
        return report.Pipeline.Errors == 0 && report.Pipeline.Missing == 0 ? 0 : 1;
    }

    public static async Task<RunReport> RunAsync(LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        // Follow-up's APIs need a token: services the tool starts itself get one made up for this run.
        if (options.FollowUpToken is null && options.Target != "urls")
            options = options with { FollowUpToken = $"load-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}" };
        output.WriteLine($"LeadPlatform load tool, {options.Describe()}; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
        await using var deployment = await Deployment.StartAsync(options, output);
        output.WriteLine(deployment.Description);
        var useEvents = (options.Completion ?? (deployment.RabbitMqUri is null ? "poll" : "events")) == "events";
        if (useEvents && deployment.RabbitMqUri is null) throw new UsageException("--completion events needs a broker (--rabbitmq-uri).");
        await using TaskWatcher watcher = useEvents
            ? await EventTaskWatcher.StartAsync(deployment.RabbitMqUri!)
            : new PollingTaskWatcher(deployment.FollowUpUrl, options.FollowUpToken);
        var intakeUrl = new Uri(deployment.IntakeUrl, "/api/v1/quote-requests");

        // Warm-up: JIT, connections, LiteDB files; with events, it also measures the size of each hop's message.
        if (options.Warmup > 0)
        {
            using var warm = new Submitter(intakeUrl, options.ApiKey, Math.Min(options.Concurrency, 8));
            var run = await warm.RunAsync(options.Warmup, null, 0, Body(runId, "warm"), watcher.Expect, cancellationToken);
            var all = await watcher.WaitForAllAsync(options.DrainTimeout, cancellationToken);
            var done = watcher.Collect().Count(c => c.Done);
            output.WriteLine($"Warm-up: {run.Accepted}/{options.Warmup} accepted, {done} tasks{(all ? string.Empty : " (not all: is the pipeline working?)")}.");
            if (run.Accepted == 0) throw new InvalidOperationException($"Intake accepts nothing: {string.Join(", ", run.ErrorKinds)}.");
        }
        var sizes = watcher is EventTaskWatcher events && events.MessageSizes() is { Count: 3 } measured
            ? [measured[EventTaskWatcher.Submitted], measured[EventTaskWatcher.Qualified], measured[EventTaskWatcher.TaskCreated]]
            : DefaultSizes;
        var count = options.RequestCount > 0 ? options.RequestCount : (int)Math.Round(options.Rate * options.Duration!.Value.TotalSeconds);

        var baselines = new List<CeilingResult>();
        await RunBaselinesAsync("before", options, deployment, count, sizes, runId, baselines, output, cancellationToken);

        // The pipeline.
        var pipeline = await RunPipelineAsync(options, deployment, watcher, intakeUrl, runId, output, cancellationToken);

        await RunBaselinesAsync("after", options, deployment, count, sizes, runId, baselines, output, cancellationToken);

        return new RunReport(options, deployment.Description, watcher.Method, sizes, pipeline, baselines, DateTimeOffset.UtcNow);
    }

    private static async Task<PipelineResult> RunPipelineAsync(LoadOptions options, Deployment deployment, TaskWatcher watcher, Uri intakeUrl,
        string runId, TextWriter output, CancellationToken cancellationToken)
    {
        await using var queues = deployment.RabbitMqUri is null ? null
            : await QueueSampler.StartAsync(deployment.RabbitMqUri, deployment.Node is null ? null : await ListQueuesAsync(deployment.Node));
        using var submitter = new Submitter(intakeUrl, options.ApiKey, options.Concurrency);
        var sampler = new ProcessSampler(deployment.Processes);
        await using var _ = sampler;
        queues?.Start();
        var total = options.RequestCount;
        SubmitRun run;
        var started = DateTimeOffset.UtcNow;
        await using (new ProgressBar(output, "pipeline: submitting", () =>
        {
            var fraction = total > 0 ? submitter.Answered / (double)total
                : (DateTimeOffset.UtcNow - started) / options.Duration!.Value;
            return (fraction, Status(submitter, watcher, queues));
        }, options.Quiet))
        {
            run = await submitter.RunAsync(total, options.Duration, options.Rate, Body(runId, "run"), watcher.Expect, cancellationToken);
        }
        var accepted = run.Accepted;
        bool all;
        await using (new ProgressBar(output, "pipeline: last tasks", () => (accepted == 0 ? 1 : watcher.Completed / (double)accepted, Status(submitter, watcher, queues)), options.Quiet))
        {
            all = await watcher.WaitForAllAsync(options.DrainTimeout, cancellationToken);
        }
        var resources = await sampler.StopAsync();
        var depths = queues is null ? [] : await queues.StopAsync();
        var completions = watcher.Collect();
        if (!all) output.WriteLine($"Not every task appeared within {options.DrainTimeout.TotalSeconds:0} s of the last submit.");
        return PipelineResult.From(run, completions, resources, depths, queues?.Queues ?? []);
    }

    private static string Status(Submitter submitter, TaskWatcher watcher, QueueSampler? queues) => string.Create(CultureInfo.InvariantCulture,
        $"{submitter.Answered:N0} answered, {submitter.Failed:N0} errors, {watcher.Completed:N0} tasks{(queues is null ? string.Empty : $", queued {queues.LatestTotal:N0}")}");

    private static async Task RunBaselinesAsync(string when, LoadOptions options, Deployment deployment, int count, IReadOnlyList<int> sizes, string runId,
        List<CeilingResult> results, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.HttpBaseline)
        {
            Submitter? watched = null;
            await using (new ProgressBar(output, $"HTTP ceiling ({when})", () => (watched is null ? 0 : watched.Answered / (double)count, string.Empty), options.Quiet))
            {
                var result = await HttpCeiling.RunAsync(count, options.Concurrency, Body(runId, "bare" + when), s => watched = s, cancellationToken);
                results.Add(result with { Name = $"{result.Name}, {when}" });
            }
        }
        if (options.BrokerBaseline && deployment.RabbitMqUri is not null)
        {
            var done = 0;
            await using (new ProgressBar(output, $"broker ceiling ({when})", () => (done / (double)count, string.Empty), options.Quiet))
            {
                var result = await BrokerCeiling.RunAsync(deployment.RabbitMqUri, count, sizes, n => done = n, cancellationToken);
                results.Add(result with { Name = $"{result.Name}, {when}" });
            }
        }
    }

    private static async Task<IEnumerable<string>?> ListQueuesAsync(LocalRabbitMqNode node)
    {
        try
        {
            var listed = await node.CtlAsync("list_queues", "-q", "--no-table-headers", "name");
            return listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Distinct people (a unique email each, no phone), so each request is a new lead, stored and qualified.</summary>
    private static Func<int, byte[]> Body(string runId, string phase) => i =>
    {
        var request = SampleQuoteRequest.Create(email: $"maria.lopez+{runId}-{phase}-{i}@fastmail.com", phone: null);
        request["formRenderedAt"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O", CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToUtf8Bytes<JsonObject>(request);
    };
}
