using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;
using RabbitMQ.Client;

namespace LeadPlatform.LoadTool;

/// <summary>
/// <c>fault late-consumer</c>: intake alone on a private RabbitMQ node takes requests and publishes them; only then do
/// follow-up and qualification start, follow-up first (it used to take the only copy of each submission). Reports how
/// long after each consumer's queue got its consumer (asked of the broker every 20 ms) the waiting events were handled:
/// the last submission known to follow-up, the last task (which needs qualification's decision).
/// </summary>
internal static class LateConsumerRun
{
    public static async Task<int> MainAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var requests = 20;
        string? json = null;
        var rest = new List<string> { "--target", "distributed" };
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--requests") requests = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--json") json = args[++i];
            else rest.Add(args[i]);
        }
        var options = LoadOptions.Parse(rest);
        options = options with { FollowUpToken = $"late-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}" };
        output.WriteLine($"Late consumers: {requests} requests into intake alone, then follow-up, then qualification; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
        var dataRoot = Directory.CreateTempSubdirectory("leadplatform-late-").FullName;
        await using var node = await LocalRabbitMqNode.StartAsync();
        string Secret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        string[] secrets =
        [
            $"--Privacy:EncryptionKeys:load={Secret()}", "--Privacy:CurrentKeyId=load", $"--Privacy:LookupKeySecret={Secret()}",
            $"--Intake:PersonKeySecret={Secret()}", $"--FollowUp:UnsubscribeKey={Secret()}",
        ];
        async Task<ChildHost> StartAsync(string service, string folder, string project)
        {
            Directory.CreateDirectory(Path.Combine(dataRoot, service));
            return await ChildHost.StartAsync(service, Deployment.HostDll(folder, project), FreePort.Next(),
                ["--Bus:Transport=RabbitMq", $"--Bus:RabbitMqUri={node.Uri}", .. secrets, .. Deployment.ServiceArguments(options, Path.Combine(dataRoot, service))],
                Path.Combine(dataRoot, service + ".log"), TimeSpan.FromSeconds(120), Deployment.RuntimeEnvironment(service));
        }

        await using var intake = await StartAsync("intake", "Intake", "LeadPlatform.Intake.Host");
        using var submitter = new Submitter(new Uri(intake.Address, "/api/v1/quote-requests"), options.ApiKey, 4);
        var accepted = new List<Submission>();
        var run = await submitter.RunAsync(requests, null, 0, Body(), s => { lock (accepted) accepted.Add(s); }, cancellationToken);
        var broker = new Uri(node.Uri);
        // Published: intake's events sit in the consumers' queues (declared by intake), no consumer on them yet.
        var waiting = await Eventually.GetAsync(() => DepthAsync(broker, "followup-lead-journey"), n => n >= (uint)accepted.Count, TimeSpan.FromSeconds(60),
            "intake's events in follow-up's queue");
        output.WriteLine($"{accepted.Count} of {run.Submissions.Count} accepted; {waiting} events wait in followup-lead-journey with no consumer.");

        var clock = Stopwatch.StartNew();
        var consumerAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var polling = PollConsumersAsync(broker, ["followup-lead-journey", "qualification-qualify-quote-request"], waiting, consumerAt, clock, cancellationToken);
        await using var followUp = await StartAsync("followup", "FollowUp", "LeadPlatform.FollowUp.Host");
        await using var watcher = new PollingTaskWatcher(followUp.Address, options.FollowUpToken);
        await WaitAsync(async () => await DepthAsync(broker, "followup-lead-journey") == 0, clock, cancellationToken);
        var journeyDrained = DateTimeOffset.UtcNow;
        await using var qualification = await StartAsync("qualification", "Qualification", "LeadPlatform.Qualification.Host");
        foreach (var s in accepted) watcher.Expect(s);
        var all = await watcher.WaitForAllAsync(TimeSpan.FromSeconds(120), cancellationToken);
        await polling;
        var completions = watcher.Collect();
        var lastTask = completions.Where(c => c.TaskCreatedAt is not null).Select(c => c.TaskCreatedAt!.Value).DefaultIfEmpty().Max();

        var journey = consumerAt.TryGetValue("followup-lead-journey", out var j) ? j : (DateTimeOffset?)null;
        var qualify = consumerAt.TryGetValue("qualification-qualify-quote-request", out var q) ? q : (DateTimeOffset?)null;
        double drainedAfter;
        var firstAfter = journey is null || !consumerAt.TryGetValue("first-delivered", out var firstDelivered) ? double.NaN : (firstDelivered - journey.Value).TotalMilliseconds;
        drainedAfter = journey is null || !consumerAt.TryGetValue("all-delivered", out var allDelivered) ? double.NaN : (allDelivered - journey.Value).TotalMilliseconds;
        var lastTaskAfter = qualify is null ? double.NaN : (lastTask - qualify.Value).TotalMilliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"followup-lead-journey (broker polled every 20 ms): the first of its {waiting} waiting events delivered {firstAfter:0} ms after the queue had its consumer, all delivered {drainedAfter:0} ms after."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"qualification-qualify-quote-request: the last of {completions.Count(c => c.Done)}/{completions.Count} tasks created (follow-up's clock) {lastTaskAfter:0} ms after it had its consumer."));
        if (json is not null)
            await File.WriteAllTextAsync(json, new JsonObject
            {
                ["requests"] = accepted.Count,
                ["journeyDrainedAfterConsumerMs"] = drainedAfter,
                ["firstSubmissionKnownAfterConsumerMs"] = firstAfter,
                ["lastTaskAfterQualificationConsumerMs"] = lastTaskAfter,
                ["allTasks"] = all,
            }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return all ? 0 : 1;
    }

    /// <summary>When each queue first has a consumer; for the first (follow-up's), also when its first and last waiting event left it (delivered).</summary>
    private static async Task PollConsumersAsync(Uri broker, string[] queues, uint waiting, Dictionary<string, DateTimeOffset> at, Stopwatch clock, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        while (at.Count < queues.Length + 2 && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            foreach (var queue in queues)
            {
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                var now = DateTimeOffset.UtcNow;
                lock (at)
                {
                    if (declared.ConsumerCount > 0) at.TryAdd(queue, now);
                    if (queue != queues[0]) continue;
                    if (declared.MessageCount < waiting) at.TryAdd("first-delivered", now);
                    if (declared.MessageCount == 0) at.TryAdd("all-delivered", now);
                }
            }
            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task<uint> DepthAsync(Uri broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> done, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (!await done() && clock.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(20, cancellationToken);
    }

    private static Func<int, byte[]> Body()
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        return i =>
        {
            var request = SampleQuoteRequest.Create(email: $"maria.lopez+{runId}-late-{i}@fastmail.com", phone: null);
            request["formRenderedAt"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O", CultureInfo.InvariantCulture);
            return JsonSerializer.SerializeToUtf8Bytes<JsonObject>(request);
        };
    }
}
