using System.Diagnostics;
using System.Net;
using System.Text;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// A service host in its own OS process (<c>dotnet LeadPlatform.X.Host.dll</c>, from that project's build output), so a
/// test can kill it (<c>kill -9</c>) or let a fault hook kill it, and start it again on the same data folder.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
        // The process is started with the tests' API token (follow-up's APIs need one) and the client sends it.
        Http = TestApiToken.Authorize(new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) });
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The built host of <paramref name="service"/> (<c>FollowUp</c>, ...), in the configuration of this test run.</summary>
    public static string HostDll(string service)
    {
        var root = RepositoryRoot();
        // bin/<Configuration>/<tfm>/ of this test assembly names the configuration the hosts were built in.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = tfm.Parent!.Name;
        var dll = Path.Combine(root, "services", service, $"LeadPlatform.{service}.Host", "bin", configuration, tfm.Name, $"LeadPlatform.{service}.Host.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution first (dotnet build LeadPlatform.sln -c {configuration}): {dll} is missing.", dll);
        return dll;
    }

    /// <summary>Starts the process; it does not wait (a process with a fault hook may die before it is ready).</summary>
    public static ServiceProcess Start(string dll, params string[] arguments)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in (string[])[dll, $"--urls=http://127.0.0.1:{port}", TestApiToken.Argument, .. TestSecrets.Arguments, .. arguments]) start.ArgumentList.Add(argument);
        return new ServiceProcess(Process.Start(start)!, port);
    }

    public async Task WaitUntilReadyAsync(ITestOutputHelper output, TimeSpan? timeout = null)
    {
        try
        {
            await Eventually.GetAsync(async () => HasExited ? throw new InvalidOperationException("exited") : await Http.GetAsync("/health/ready"),
                r => r.StatusCode == HttpStatusCode.OK, timeout ?? TimeSpan.FromSeconds(60), $"{Address} to be ready");
        }
        catch (Exception)
        {
            output.WriteLine(Output);
            throw;
        }
    }

    /// <summary>Waits for the process to end by itself (a fault hook) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary><c>kill -9</c>.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LeadPlatform.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No LeadPlatform.sln above {AppContext.BaseDirectory}");
    }
}
