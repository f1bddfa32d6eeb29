using System.Diagnostics;
using System.Net.Sockets;

namespace LeadPlatform.TestSupport;

/// <summary>
/// A private RabbitMQ node from the locally installed server: its own node name, AMQP, distribution and epmd ports,
/// and data directory, so it never touches a system broker. It can be stopped and started like a real outage.
/// </summary>
public sealed class LocalRabbitMqNode : IAsyncDisposable
{
    private static readonly string[] BinFolders = ["/usr/lib/rabbitmq/bin", "/usr/local/lib/rabbitmq/bin", "/opt/rabbitmq/sbin"];
    private readonly Dictionary<string, string> _environment;
    private readonly Process _process;
    private readonly string _directory;
    private readonly string _bin;

    private LocalRabbitMqNode(string bin, string directory, int port, string nodeName, Dictionary<string, string> environment, Process process)
    {
        (_bin, _directory, Port, NodeName, _environment, _process) = (bin, directory, port, nodeName, environment, process);
    }

    public int Port { get; }
    public string NodeName { get; }
    public string Uri => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static bool IsInstalled => FindBin() is not null;

    private static string? FindBin() => BinFolders.FirstOrDefault(f => File.Exists(Path.Combine(f, "rabbitmq-server")));

    public static async Task<LocalRabbitMqNode> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException("rabbitmq-server is not installed.");
        var port = FreePort.Next();
        var directory = Directory.CreateTempSubdirectory("leadplatform-rabbitmq-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq-env.conf"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"), "loopback_users = none\n");
        var nodeName = $"leadplatform{port}@localhost";
        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(directory, "plugins-expand"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
            ["HOME"] = directory,
        };
        var process = Run(Path.Combine(bin, "rabbitmq-server"), [], environment, directory);
        var node = new LocalRabbitMqNode(bin, directory, port, nodeName, environment, process);
        try
        {
            await node.WaitUntilListeningAsync(StartTimeout);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the broker application (connections drop, the node stays): a broker outage.</summary>
    public Task StopAppAsync() => CtlAsync("stop_app");

    public async Task StartAppAsync()
    {
        await CtlAsync("start_app");
        await WaitUntilListeningAsync(StartTimeout);
    }

    /// <summary>
    /// How long a booting node may take to listen. About 5 s on a quiet machine; seen to take more than 90 s at a load
    /// average near 50 (eight test assemblies at once), when the test then failed on the broker's start instead of on what
    /// it tests. Under the run's 5-minute hang timeout.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public Task CloseAllConnectionsAsync() => CtlAsync("close_all_connections", "test: all connections dropped");

    /// <summary>How long <c>rabbitmqctl</c> or <c>rabbitmq-plugins</c> may take before it is killed.</summary>
    public static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    public Task<string> CtlAsync(params string[] arguments) => ToolAsync("rabbitmqctl", arguments);

    /// <summary><c>rabbitmq-plugins</c> on this node, e.g. <c>enable rabbitmq_shovel</c> (online: the node keeps running).</summary>
    public Task<string> PluginsAsync(params string[] arguments) => ToolAsync("rabbitmq-plugins", arguments);

    private async Task<string> ToolAsync(string tool, string[] arguments)
    {
        using var process = Run(Path.Combine(_bin, tool), ["-n", NodeName, .. arguments], _environment, _directory);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // An Erlang CLI starts a VM of its own: on a machine busy with other builds and tests it was seen to need more than a
        // minute (the broker-outage test then failed at `stop_app`, not at what it tests). A tool that does not finish in
        // ToolTimeout is killed and reported as such, instead of being left running behind an OperationCanceledException.
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } // it exited meanwhile
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {ToolTimeout.TotalSeconds:0} s (killed)");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited {process.ExitCode}: {await DrainAsync(error)}");
        return await DrainAsync(output);
    }

    /// <summary>The rest of a tool's output, without waiting for ever: a daemon it started (epmd) can keep the pipe open after it exits.</summary>
    private static async Task<string> DrainAsync(Task<string> read)
    {
        try
        {
            return await read.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            return "(the output stayed open after the tool exited)";
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"rabbitmq-server exited with {_process.ExitCode}: {Tail(Path.Combine(_directory, "server.log"))}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(250);
            }
        }
        throw new TimeoutException($"rabbitmq-server did not listen on {Port} within {timeout}: {Tail(Path.Combine(_directory, "server.log"))}");
    }

    private static Process Run(string file, string[] arguments, Dictionary<string, string> environment, string directory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        if (file.EndsWith("rabbitmq-server", StringComparison.Ordinal))
        {
            // Keep the server's console output for diagnosis without letting the pipe fill up.
            var log = Path.Combine(directory, "server.log");
            _ = Task.Run(async () =>
            {
                await using var writer = new StreamWriter(log, append: true) { AutoFlush = true };
                while (await process.StandardOutput.ReadLineAsync() is { } line) await writer.WriteLineAsync(line);
            });
            _ = process.StandardError.ReadToEndAsync();
        }
        return process;
    }

    private static string Tail(string path)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(path).TakeLast(15));
        }
        catch (IOException)
        {
            return "(no output)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) await CtlAsync("shutdown");
        }
        catch (Exception)
        {
            // Fall through to killing it.
        }
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        try
        {
            using var epmd = Process.Start(new ProcessStartInfo("epmd", ["-port", _environment["ERL_EPMD_PORT"], "-kill"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (epmd is not null) await epmd.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or TimeoutException)
        {
            // No epmd on PATH (nothing to stop), or it did not answer: the directory goes anyway.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temp folder is cleaned by the OS eventually.
        }
    }
}
