using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using LeadPlatform.Contracts;
using LeadPlatform.Qualification;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.TestSupport;
using MassTransit;
using RabbitMQ.Client;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Fault 5 of issue 7, its last step: messages in <c>qualification-qualify-quote-request_error</c> moved back with the operator
/// command of deploy/README.md (read from the runbook itself, so the two cannot drift apart), on the local broker with
/// the shovel plugin. A message that failed only because of the fault (qualification's file read-only) is qualified
/// once after the fix; a real poison message fails again and is back in <c>_error</c>, not in a loop.
/// </summary>
[Collection(BrokerFaults.Name)]
public sealed class Replaying_the_error_queue(RabbitMqFixture rabbit, ITestOutputHelper output) : IAsyncDisposable
{
    private const string Queue = "qualification-qualify-quote-request";
    private const int Healthy = 3;
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-replay-").FullName;
    private readonly ConcurrentDictionary<Guid, int> _qualified = new();
    private IBusControl? _bus;
    private bool _immutable;

    [Fact]
    public async Task The_documented_shovel_command_moves_error_messages_back_and_each_is_handled_once()
    {
        rabbit.RequireUri();
        if (rabbit.LocalNode is not { } node) { Assert.Skip($"Needs the private broker node (plugins, rabbitmqctl); RabbitMQ came from {rabbit.Source}."); return; }
        var uri = await rabbit.NewVirtualHostAsync();
        var vhost = Uri.UnescapeDataString(new Uri(uri).AbsolutePath.Trim('/'));
        string[] arguments = ["--Bus:Transport=RabbitMq", $"--Bus:RabbitMqUri={uri}", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={_folder}", "--Bus:RetryLimit=1"];
        var qualification = await RunningHost.StartAsync(QualificationHost.Build, arguments);
        var bus = await StartTestBusAsync(uri);

        // The fault: qualification's file read-only. Every request fails its retries and lands in _error, with a poison message.
        var files = Directory.GetFiles(_folder).Append(_folder).ToArray();
        if (!await ChattrAsync("+i", files)) Assert.Skip("chattr +i is not available here (needs root and ext4 or similar)");
        _immutable = true;
        var requests = Enumerable.Range(0, Healthy).Select(_ => SampleMessages.QuoteRequestSubmitted()).ToList();
        foreach (var request in requests) await bus.Publish(request, TestContext.Current.CancellationToken);
        var poison = SampleMessages.QuoteRequestSubmitted() with { Person = null! };
        await bus.Publish(poison, TestContext.Current.CancellationToken);
        await Eventually.GetAsync(() => DepthAsync(uri, Queue + "_error"), n => n == Healthy + 1, TimeSpan.FromSeconds(30), "every message in _error");
        var inErrorAtTheFault = await DepthAsync(uri, Queue + "_error");

        // The fix: the file writable again, qualification restarted.
        Assert.True(await ChattrAsync("-i", files));
        _immutable = false;
        await qualification.DisposeAsync();
        qualification = await RunningHost.StartAsync(QualificationHost.Build, arguments);
        await using var _ = qualification;
        Assert.All(requests, r => Assert.False(_qualified.ContainsKey(r.QuoteRequestId)));

        // The runbook's commands, as documented.
        await node.PluginsAsync("enable", "rabbitmq_shovel"); // the management UI's "Move messages" also needs rabbitmq_shovel_management
        var command = ReplayCommandFromRunbook(vhost);
        output.WriteLine("rabbitmqctl " + string.Join(' ', command));
        await node.CtlAsync(command);

        await Eventually.GetAsync(() => Task.FromResult(requests.Count(r => _qualified.ContainsKey(r.QuoteRequestId))), n => n == Healthy,
            TimeSpan.FromSeconds(30), "the replayed requests to be qualified");
        var back = await Eventually.GetAsync(() => DepthAsync(uri, Queue + "_error"), n => n == 1, TimeSpan.FromSeconds(30), "the poison message back in _error");
        await Task.Delay(TimeSpan.FromSeconds(1)); // nothing more arrives: no loop, no second decision
        var shovels = await node.CtlAsync("list_parameters", "-p", vhost);

        var rows = new List<FaultTable.Row>
        {
            FaultTable.Count("failed while the store was read-only", requests.Select(r => r.QuoteRequestId).ToList(),
                id => _qualified.GetValueOrDefault(id), _ => false),
        };
        FaultTable.Print(output, "Fault 5: _error replayed with the runbook's shovel", "LeadQualified per request", rows);
        output.WriteLine($"in _error at the fault {inErrorAtTheFault}, after the replay {back} (the poison message, failed again); shovel parameters left: [{shovels.Trim()}]");
        FaultTable.AssertExactlyOnce(rows);
        Assert.DoesNotContain("replay-", shovels, StringComparison.Ordinal); // src-delete-after removed it
    }

    /// <summary>The <c>rabbitmqctl set_parameter ... shovel ...</c> of deploy/README.md, its virtual host replaced by the test's.</summary>
    private static string[] ReplayCommandFromRunbook(string vhost)
    {
        var runbook = File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot(), "deploy", "README.md"));
        var section = runbook[runbook.IndexOf("### Replay the error queue", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```", StringComparison.Ordinal) + 3)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)].Replace("\\\n", " ", StringComparison.Ordinal);
        var tokens = ShellWords(block);
        var command = tokens.SkipWhile(t => t != "rabbitmqctl").Skip(1).ToArray();
        Assert.True(command.Length > 0 && command[0] == "set_parameter", "The runbook's replay command is no longer rabbitmqctl set_parameter: " + block);
        return command.Select(t => t == "leadplatform" ? vhost : t.Replace("amqp:///leadplatform", "amqp:///" + Uri.EscapeDataString(vhost), StringComparison.Ordinal)).ToArray();
    }

    private static List<string> ShellWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var (quoted, any) = (false, false);
        foreach (var c in text)
        {
            if (c == '\'') { quoted = !quoted; any = true; continue; }
            if (!quoted && char.IsWhiteSpace(c))
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
                continue;
            }
            word.Append(c);
            any = true;
        }
        if (any) words.Add(word.ToString());
        return words;
    }

    private static async Task<uint> DepthAsync(string uri, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private static async Task<bool> ChattrAsync(string flag, string[] paths)
    {
        try
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, .. paths]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await chattr.WaitForExitAsync();
            return chattr.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private async Task<IBusControl> StartTestBusAsync(string uri)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            BusExtensions.ConfigureHost(cfg, new Uri(uri));
            cfg.ReceiveEndpoint($"test-lead-qualified-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<LeadQualified>(context =>
                {
                    _qualified.AddOrUpdate(context.Message.QuoteRequestId, 1, (_, n) => n + 1);
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(TestContext.Current.CancellationToken);
        return _bus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_immutable) await ChattrAsync("-i", [.. Directory.GetFiles(_folder), _folder]);
        if (_bus is not null) await _bus.StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
