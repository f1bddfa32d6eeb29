using System.Diagnostics;

namespace LeadPlatform.LoadTool;

/// <summary>
/// A service host run as a child process from its own build output (<c>dotnet Host.dll args</c>), so that its memory
/// and CPU are its own. Its console goes to a log file beside its data.
/// </summary>
internal sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildHost(string name, Uri address, Process process, StreamWriter log, string logPath)
    {
        (Name, Address, _process, _log, LogPath) = (name, address, process, log, logPath);
    }

    public string Name { get; }
    public Uri Address { get; }
    public int ProcessId => _process.Id;
    public string LogPath { get; }

    /// <param name="environment">Variables set for the child beside the tool's own (runtime settings that have no runtimeconfig
    /// equivalent, as the deployment manifests set them: <see cref="Deployment.RuntimeEnvironment"/>).</param>
    public static async Task<ChildHost> StartAsync(string name, string dll, int port, IEnumerable<string> arguments, string logPath, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build the solution in this configuration first.", dll);
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--urls={address}");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ChildHost(name, address, process, log, logPath);
        try
        {
            await host.WaitReadyAsync(timeout);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a killed process.
            }
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {LogPath}.");
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s; see {LogPath}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                // SIGTERM first: the host stops gracefully (the bus disconnects, LiteDB checkpoints).
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
