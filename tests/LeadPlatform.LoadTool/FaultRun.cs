using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.TestSupport;
using RabbitMQ.Client;

namespace LeadPlatform.LoadTool;

/// <summary>
/// The fault mode of the tool: <c>fault broker-outage</c> runs the three hosts on a private RabbitMQ node, posts
/// requests at a steady rate, stops the broker's application for <c>--outage</c> (intake keeps accepting into its outbox),
/// starts it again, and reports how long after the broker accepted connections again each service's queues had their
/// consumers back (asked of the broker with a passive declare every 20 ms), and when every request accepted meanwhile
/// had its follow-up task. A measurement, not a test: compare with <c>--service-arg --Bus:ReconnectQuickly=false</c>
/// (MassTransit's own reconnect schedule).
/// </summary>
internal static class FaultRun
{
    public const string Usage = """
        LeadPlatform load tool, fault mode:
          fault broker-outage [--outage 10s] [--rate 10] [--service-arg ARG]... [--json FILE]
          fault late-consumer [--requests 20] [--json FILE]   intake first, the consumers after its events were published
        Other options as for a load run (--log-level, --keep-data).
        """;

    public static async Task<int> MainAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length > 0 && args[0] == "late-consumer") return await LateConsumerRun.MainAsync(args[1..], output, cancellationToken);
        if (args.Length == 0 || args[0] != "broker-outage")
        {
            output.WriteLine(Usage);
            return 2;
        }
        var outage = TimeSpan.FromSeconds(10);
        var rate = 10.0;
        string? json = null;
        var rest = new List<string> { "--target", "distributed", "--warmup", "0", "--baselines", "none", "--completion", "poll" };
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--outage": outage = TimeSpan.FromSeconds(double.Parse(args[++i].TrimEnd('s'), CultureInfo.InvariantCulture)); break;
                case "--rate": rate = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--json": json = args[++i]; break;
                default: rest.Add(args[i]); break;
            }
        }
        var options = LoadOptions.Parse(rest);
        if (options.FollowUpToken is null)
            options = options with { FollowUpToken = $"fault-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}" };
        output.WriteLine($"Fault run: broker outage of {outage.TotalSeconds:0.#} s, {rate:0.#} req/s; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
        if (options.ServiceArgs.Count > 0) output.WriteLine($"Service arguments: {string.Join(' ', options.ServiceArgs)}");
        await using var deployment = await Deployment.StartAsync(options, output);
        var node = deployment.Node ?? throw new UsageException("The fault run needs the tool's own private RabbitMQ node (no --rabbitmq-uri).");
        var broker = new Uri(deployment.RabbitMqUri!);
        var intakeUrl = new Uri(deployment.IntakeUrl, "/api/v1/quote-requests");
        var runId = Guid.NewGuid().ToString("N")[..8];
        await using var watcher = new PollingTaskWatcher(deployment.FollowUpUrl, options.FollowUpToken);

        // Before: a few requests through the whole pipeline, and every queue with its consumer.
        using (var before = new Submitter(intakeUrl, options.ApiKey, 4))
        {
            await before.RunAsync(20, null, 0, Body(runId, "before"), watcher.Expect, cancellationToken);
            if (!await watcher.WaitForAllAsync(TimeSpan.FromSeconds(60), cancellationToken)) throw new InvalidOperationException("The pipeline does not work before the fault.");
            watcher.Collect();
        }
        var queues = PlatformTopology.Subscriptions.Select(s => s.Queue).ToList();
        var missing = await WithoutConsumerAsync(broker, queues, cancellationToken);
        if (missing.Count > 0) throw new InvalidOperationException($"Before the fault, no consumer on {string.Join(", ", missing)}.");

        // The outage: requests keep coming; intake accepts them into its outbox.
        output.WriteLine("Stopping the broker's application...");
        await node.StopAppAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        using var submitter = new Submitter(intakeUrl, options.ApiKey, 16);
        var during = await submitter.RunAsync(0, outage, rate, Body(runId, "outage"), watcher.Expect, cancellationToken);
        output.WriteLine($"Broker down for {(DateTimeOffset.UtcNow - stoppedAt).TotalSeconds:0.0} s: {during.Submissions.Count(s => s.Accepted)} of {during.Submissions.Count} requests accepted meanwhile. Starting it again...");

        // Back: the moment the broker accepts an AMQP connection again, then each queue's first consumer.
        var starting = node.StartAppAsync();
        var back = await FirstConnectionAsync(broker, cancellationToken);
        var backAt = DateTimeOffset.UtcNow;
        var resumed = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (resumed.Count < queues.Count && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            foreach (var queue in await WithConsumerAsync(back, queues.Except(resumed.Keys).ToList(), cancellationToken))
                resumed[queue] = clock.Elapsed.TotalMilliseconds;
            await Task.Delay(20, cancellationToken);
        }
        await back.CloseAsync(cancellationToken);
        back.Dispose();
        try
        {
            await starting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // rabbitmqctl start_app outlasting its own timeout on a loaded machine: the broker answers already (measured above).
            output.WriteLine($"rabbitmqctl start_app did not return in time ({ex.GetType().Name}); the broker accepts connections.");
        }
        var all = await watcher.WaitForAllAsync(TimeSpan.FromSeconds(120), cancellationToken);
        var completions = watcher.Collect();
        var lastTask = completions.Where(c => c.TaskCreatedAt is not null).Select(c => c.TaskCreatedAt!.Value).DefaultIfEmpty(backAt).Max();

        output.WriteLine();
        output.WriteLine("Consumers back after the broker accepted connections again (ms):");
        foreach (var queue in queues) output.WriteLine($"  {queue,-40} {(resumed.TryGetValue(queue, out var ms) ? ms.ToString("0", CultureInfo.InvariantCulture) : "not back")}");
        var slowest = resumed.Count == queues.Count ? resumed.Values.Max() : double.NaN;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Every consumer back {slowest:0} ms after the broker; the {completions.Count} requests accepted during the outage: {completions.Count(c => c.Done)} with their task ({(all ? "all" : "NOT all")}), the last {(lastTask - backAt).TotalSeconds:0.0} s after the broker was back."));
        if (json is not null)
        {
            var report = new JsonObject
            {
                ["outageSeconds"] = outage.TotalSeconds,
                ["serviceArgs"] = new JsonArray([.. options.ServiceArgs.Select(a => (JsonNode)a)]),
                ["consumersBackMs"] = new JsonObject([.. resumed.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
                ["slowestConsumerBackMs"] = double.IsNaN(slowest) ? null : slowest,
                ["acceptedDuringOutage"] = completions.Count,
                ["withTask"] = completions.Count(c => c.Done),
                ["lastTaskAfterBrokerBackSeconds"] = (lastTask - backAt).TotalSeconds,
            };
            await File.WriteAllTextAsync(json, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        }
        return all && !double.IsNaN(slowest) ? 0 : 1;
    }

    private static async Task<IConnection> FirstConnectionAsync(Uri broker, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "leadplatform-faultrun", RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            try
            {
                return await factory.CreateConnectionAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or System.Net.Sockets.SocketException
                                           or RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private static async Task<List<string>> WithoutConsumerAsync(Uri broker, IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "leadplatform-faultrun" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var with = await WithConsumerAsync(connection, queues, cancellationToken);
        return queues.Except(with).ToList();
    }

    /// <summary>Those of <paramref name="queues"/> that have a consumer now (a passive declare answers the count; a missing queue has none).</summary>
    private static async Task<List<string>> WithConsumerAsync(IConnection connection, IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        var with = new List<string>();
        foreach (var queue in queues)
        {
            try
            {
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                if (declared.ConsumerCount > 0) with.Add(queue);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The queue does not exist (yet): no consumer.
            }
        }
        return with;
    }

    private static Func<int, byte[]> Body(string runId, string phase) => i =>
    {
        var request = SampleQuoteRequest.Create(email: $"maria.lopez+{runId}-{phase}-{i}@fastmail.com", phone: null);
        request["formRenderedAt"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O", CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToUtf8Bytes<JsonObject>(request);
    };
}
