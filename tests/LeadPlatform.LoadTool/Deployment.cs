using System.Globalization;
using System.Reflection;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.LoadTool;

/// <summary>
/// The services under load: started by the tool (the standalone host in process or as a child process, or the three
/// hosts as child processes on a private RabbitMQ node), or given as URLs. Knows the processes to watch.
/// </summary>
internal sealed class Deployment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private string? _dataRoot;
    private bool _keepData;

    public required Uri IntakeUrl { get; init; }
    public required Uri FollowUpUrl { get; init; }
    public string? RabbitMqUri { get; private set; }
    public LocalRabbitMqNode? Node { get; private set; }
    /// <summary>Processes whose memory and CPU are reported, by name (the services, the broker).</summary>
    public Dictionary<string, int> Processes { get; } = new(StringComparer.Ordinal);
    public string Description { get; private set; } = string.Empty;

    public static async Task<Deployment> StartAsync(LoadOptions options, TextWriter log)
    {
        switch (options.Target)
        {
            case "urls":
            {
                var given = new Deployment { IntakeUrl = options.IntakeUrl!, FollowUpUrl = options.FollowUpUrl ?? options.IntakeUrl! };
                given.RabbitMqUri = options.RabbitMqUri;
                given.Description = $"given URLs: intake {given.IntakeUrl}, follow-up {given.FollowUpUrl}";
                return given;
            }
            case "standalone-inproc":
            {
                var dataRoot = Directory.CreateTempSubdirectory("leadplatform-load-").FullName;
                // Its content root is the empty data folder: no appsettings.json of whatever folder the tool runs from.
                var app = StandaloneHost.Build(["--urls=http://127.0.0.1:0", $"--contentRoot={dataRoot}", .. ServiceArguments(options, dataRoot)]);
                await app.StartAsync();
                var url = new Uri(app.Urls.First());
                var deployment = new Deployment { IntakeUrl = url, FollowUpUrl = url, _dataRoot = dataRoot, _keepData = options.KeepData };
                deployment._owned.Add(new Stopper(async () =>
                {
                    await app.StopAsync();
                    await app.DisposeAsync();
                }));
                deployment.Processes["standalone (in the tool's process)"] = Environment.ProcessId;
                deployment.Description = "standalone host in the tool's own process (LiteDB, in-process bus)";
                return deployment;
            }
            case "standalone":
            {
                var dataRoot = Directory.CreateTempSubdirectory("leadplatform-load-").FullName;
                log.WriteLine("Starting the standalone host as a child process...");
                var host = await ChildHost.StartAsync("standalone", HostDll("Standalone", "LeadPlatform.Standalone"), FreePort.Next(),
                    ServiceArguments(options, dataRoot), Path.Combine(dataRoot, "standalone.log"), TimeSpan.FromSeconds(90));
                var deployment = new Deployment { IntakeUrl = host.Address, FollowUpUrl = host.Address, _dataRoot = dataRoot, _keepData = options.KeepData };
                deployment._owned.Add(host);
                deployment.Processes["standalone"] = host.ProcessId;
                deployment.Description = "standalone host as a child process (LiteDB, in-process bus)";
                return deployment;
            }
            default:
                return await StartDistributedAsync(options, log);
        }
    }

    private static async Task<Deployment> StartDistributedAsync(LoadOptions options, TextWriter log)
    {
        var dataRoot = Directory.CreateTempSubdirectory("leadplatform-load-").FullName;
        var owned = new List<IAsyncDisposable>();
        try
        {
            LocalRabbitMqNode? node = null;
            var rabbitMqUri = options.RabbitMqUri;
            if (rabbitMqUri is null)
            {
                log.WriteLine("Starting a private RabbitMQ node...");
                node = await LocalRabbitMqNode.StartAsync();
                owned.Add(node);
                rabbitMqUri = node.Uri;
            }
            // The hosts run in Production, which refuses to start without strong secrets: made here, for this run.
            string Secret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            string[] secrets =
            [
                $"--Privacy:EncryptionKeys:load={Secret()}", "--Privacy:CurrentKeyId=load", $"--Privacy:LookupKeySecret={Secret()}",
                $"--Intake:PersonKeySecret={Secret()}", $"--FollowUp:UnsubscribeKey={Secret()}",
            ];
            string[] For(string service) =>
            [
                "--Bus:Transport=RabbitMq", $"--Bus:RabbitMqUri={rabbitMqUri}",
                .. secrets,
                .. ServiceArguments(options, Path.Combine(dataRoot, service)),
            ];
            // Consumers first: their queues must be bound before intake publishes.
            var hosts = new Dictionary<string, ChildHost>(StringComparer.Ordinal);
            foreach (var (service, folder, project) in new[]
                     {
                         ("followup", "FollowUp", "LeadPlatform.FollowUp.Host"),
                         ("qualification", "Qualification", "LeadPlatform.Qualification.Host"),
                         ("intake", "Intake", "LeadPlatform.Intake.Host"),
                     })
            {
                log.WriteLine($"Starting {service} as a child process...");
                Directory.CreateDirectory(Path.Combine(dataRoot, service));
                var host = await ChildHost.StartAsync(service, HostDll(folder, project), FreePort.Next(), For(service),
                    Path.Combine(dataRoot, service + ".log"), TimeSpan.FromSeconds(90), RuntimeEnvironment(service));
                owned.Add(host);
                hosts[service] = host;
            }
            var deployment = new Deployment
            {
                IntakeUrl = hosts["intake"].Address,
                FollowUpUrl = hosts["followup"].Address,
                _dataRoot = dataRoot,
                _keepData = options.KeepData,
            };
            // Stopped in reverse: intake first, then the consumers, then the broker.
            owned.Reverse();
            deployment._owned.AddRange(owned);
            deployment.RabbitMqUri = rabbitMqUri;
            deployment.Node = node;
            foreach (var (name, host) in hosts) deployment.Processes[name] = host.ProcessId;
            if (node is not null && BrokerProcess(node.Port) is { } beam) deployment.Processes["rabbitmq (beam.smp)"] = beam;
            deployment.Description = $"distributed: intake, qualification, follow-up as child processes (LiteDB each), RabbitMQ {(node is null ? rabbitMqUri : "private node " + node.NodeName)}";
            return deployment;
        }
        catch
        {
            owned.Reverse();
            foreach (var o in owned) await o.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The runtime settings a service's deployment gives it that only an environment variable can set (none of them has a
    /// runtimeconfig.json name), so that the hosts run here as they run deployed (deploy/kubernetes/followup.yaml).
    /// Follow-up: a gen0 budget of 32 MB. The GC sizes it from the L3 cache otherwise (76 MB on a 260 MB L3), and that
    /// budget, committed and touched on every cycle, was the largest part of follow-up's resident memory that was not live
    /// data (tests/LeadPlatform.LoadTool/followup-profile.md, 2 December, follow-up).
    /// </summary>
    internal static IReadOnlyDictionary<string, string> RuntimeEnvironment(string service) => service switch
    {
        "followup" => new Dictionary<string, string>(StringComparer.Ordinal) { ["DOTNET_GCgen0size"] = "0x2000000" },
        _ => new Dictionary<string, string>(StringComparer.Ordinal),
    };

    /// <summary>The configuration every started service gets: its data folder, no rate limit for the load, the site key, the log level.</summary>
    internal static IEnumerable<string> ServiceArguments(LoadOptions options, string dataFolder)
    {
        yield return "--Storage:Provider=LiteDb";
        yield return $"--Storage:DataFolder={dataFolder}";
        yield return $"--Intake:Sites:example:ApiKey={options.ApiKey}";
        yield return "--Intake:RateLimits:PerClientIp:PermitLimit=100000000";
        yield return "--Intake:RateLimits:PerSite:PermitLimit=100000000";
        yield return $"--Serilog:MinimumLevel:Default={options.LogLevel}";
        if (options.FollowUpToken is not null) yield return $"--Auth:ApiTokens:0={options.FollowUpToken}";
        foreach (var argument in options.ServiceArgs) yield return argument;
    }

    /// <summary>A host's build output beside this tool's: services/{folder}/{project}/bin/{configuration}/{tfm}/{project}.dll.</summary>
    internal static string HostDll(string folder, string project)
    {
        var root = RepositoryRoot();
        var configuration = typeof(Deployment).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        return Path.Combine(root, "services", folder, project, "bin", configuration, tfm, project + ".dll");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LeadPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException("LeadPlatform.sln not found above the tool's folder: run the tool from its build output in the repository.");
    }

    /// <summary>The Erlang VM of the private node: the process that holds its listening AMQP socket.</summary>
    private static int? BrokerProcess(int port)
    {
        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address is ADDR:PORT in hex, st 0A is LISTEN, the inode is the 10th field.
                if (fields.Length > 9 && fields[1].EndsWith(":" + portHex, StringComparison.Ordinal) && fields[3] == "0A") inodes.Add($"socket:[{fields[9]}]");
            }
        }
        if (inodes.Count == 0) return null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                foreach (var fd in Directory.EnumerateFiles(Path.Combine(dir, "fd")))
                    if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)) return pid;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to look at.
            }
        }
        return null;
    }

    private sealed class Stopper(Func<Task> stop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await stop();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            try
            {
                await owned.DisposeAsync();
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"Stopping {owned}: {ex.Message}");
            }
        }
        if (_dataRoot is null) return;
        if (_keepData)
        {
            Console.Error.WriteLine($"Data and service logs kept in {_dataRoot}");
            return;
        }
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
