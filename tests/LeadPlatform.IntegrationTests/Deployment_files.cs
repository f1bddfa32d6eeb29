using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadPlatform.FollowUp;
using LeadPlatform.Intake;
using LeadPlatform.Qualification;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Outbox;
using LeadPlatform.ServiceDefaults.Storage;
using LeadPlatform.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// What can be checked of <c>deploy/</c> without Docker or Kubernetes: the files parse, what they build from exists,
/// every setting they give a service is one it reads, the probes ask the right endpoints, and each service starts
/// with exactly the environment compose gives it (only the broker's address moved to the test broker).
/// </summary>
public sealed partial class Deployment_files(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly string Deploy = Path.Combine(Root, "deploy");
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Each service image: its host, its own configuration section, the queues it consumes.</summary>
    private static readonly Dictionary<string, ServiceUnderTest> Services = new(StringComparer.Ordinal)
    {
        ["Intake"] = new(IntakeHost.Build, "Intake", typeof(IntakeOptions), ["intake-quote-request-status"]),
        ["Qualification"] = new(QualificationHost.Build, "Qualification", typeof(QualificationOptions), ["qualification-qualify-quote-request", "qualification-lead-opted-out"]),
        ["FollowUp"] = new(FollowUpHost.Build, "FollowUp", typeof(FollowUpOptions), ["followup-lead-journey"]),
    };

    /// <summary>Sections every service binds to an options class (ServiceDefaults).</summary>
    private static readonly Dictionary<string, Type> SharedSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bus"] = typeof(BusOptions),
        ["Storage"] = typeof(StorageOptions),
        ["Outbox"] = typeof(OutboxOptions),
        ["Privacy"] = typeof(LeadPlatform.Storage.Privacy.PrivacyOptions),
    };

    /// <summary>Sections one service binds besides its own (follow-up's dashboard sign-in).</summary>
    private static readonly Dictionary<(string Service, string Section), Type> ServiceSections = new()
    {
        [("FollowUp", "Auth")] = typeof(LeadPlatform.FollowUp.Auth.AuthOptions),
    };

    /// <summary>
    /// Keys read one by one rather than bound: the Seq sink's (LoggingExtensions) and ASP.NET Core's own <c>Urls</c>.
    /// Keep this list in step with the code; everything else must bind to an options class.
    /// </summary>
    private static readonly HashSet<string> KeysReadDirectly = new(StringComparer.OrdinalIgnoreCase)
    {
        "Seq:ServerUrl", "Seq:ApiKey", "Seq:PeriodMs", "Urls",
    };

    [Fact]
    public void The_compose_file_parses_and_every_secret_it_needs_has_a_placeholder_in_env_example()
    {
        var compose = LoadCompose();
        var services = Map(compose["services"], "services");
        foreach (var name in new[] { "rabbitmq", "mongodb", "seq", "intake", "qualification", "followup" })
            Assert.True(services.ContainsKey(name), $"compose defines no '{name}' service");

        var text = File.ReadAllText(Path.Combine(Deploy, "docker-compose.yml"));
        var example = EnvExample();
        var referenced = Interpolation().Matches(text).Select(m => m.Groups["name"].Value).Where(n => n.Length > 0).ToHashSet();
        var required = Interpolation().Matches(text).Where(m => m.Groups["name"].Success && m.Groups["op"].Value is "" or ":?" or "?")
            .Select(m => m.Groups["name"].Value).ToHashSet();
        var missing = required.Where(v => string.IsNullOrEmpty(example.GetValueOrDefault(v))).ToList();
        Assert.True(missing.Count == 0, $"compose requires variables .env.example does not give: {string.Join(", ", missing)}");
        var unused = example.Keys.Where(v => !referenced.Contains(v)).ToList();
        Assert.True(unused.Count == 0, $".env.example gives variables compose never uses: {string.Join(", ", unused)}");
        output.WriteLine($"{referenced.Count} variables, {required.Count} of them required, all in .env.example");
    }

    [Fact]
    public void Every_service_is_built_by_the_Dockerfile_from_inputs_that_exist()
    {
        var built = AppServices().ToList();
        Assert.Equal(["FollowUp", "Intake", "Qualification"], built.Select(s => s.Service).Order());
        foreach (var (name, service, definition) in built)
        {
            var build = Map(definition["build"], $"{name}.build");
            var context = Path.GetFullPath(Path.Combine(Deploy, Str(build["context"])));
            Assert.True(File.Exists(Path.Combine(context, "LeadPlatform.sln")), $"{name}: build context {context} is not the repository root");
            var dockerfile = Path.Combine(context, Str(build["dockerfile"]));
            Assert.True(File.Exists(dockerfile), $"{name}: {dockerfile} does not exist");
            Assert.True(File.Exists(HostProject(service)), $"{name}: SERVICE={service} names no host project");

            var lines = DockerfileInstructions(dockerfile);
            Assert.Contains(lines, l => l == "ARG SERVICE" || l.StartsWith("ARG SERVICE=", StringComparison.Ordinal));
            var restore = lines.FindIndex(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
            Assert.True(restore > 0, "the Dockerfile restores before it copies the sources");
            var copiedBeforeRestore = lines.Take(restore).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
                .SelectMany(l => CopySources(l, service)).ToList();
            foreach (var needed in ProjectClosure(HostProject(service)).Select(Relative)
                         .Concat(["global.json", "Directory.Build.props", "Directory.Packages.props"]))
            {
                Assert.True(copiedBeforeRestore.Any(source => source == needed || needed.StartsWith(source.TrimEnd('/') + "/", StringComparison.Ordinal)),
                    $"{name}: {needed} is needed to restore but not copied before `dotnet restore`");
            }
            Assert.True(copiedBeforeRestore.All(source => File.Exists(Path.Combine(context, source)) || Directory.Exists(Path.Combine(context, source))),
                $"{name}: the Dockerfile copies something that does not exist: {string.Join(", ", copiedBeforeRestore)}");

            var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
            Assert.DoesNotContain(user["USER ".Length..].Trim(), new[] { "root", "0" });
            var entrypoint = lines.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
            var healthcheck = lines.Single(l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
            var program = Regex.Match(entrypoint, "\\[\"([^\"]+)\"").Groups[1].Value;
            Assert.Contains($"CMD [\"{program}\", \"--healthcheck\", \"http://127.0.0.1:8080/health/ready\"]", healthcheck, StringComparison.Ordinal);
            Assert.Contains("EXPOSE 8080", lines);
        }

        foreach (var (name, definition) in Map(LoadCompose()["services"], "services"))
        {
            if (!Map(definition, $"{name}").TryGetValue("volumes", out var volumes)) continue;
            foreach (var mount in List(volumes, $"{name}.volumes").Select(Str).Where(m => m.StartsWith("./", StringComparison.Ordinal)))
            {
                var source = Path.Combine(Deploy, mount.Split(':')[0]);
                Assert.True(File.Exists(source) || Directory.Exists(source), $"{name} mounts {source}, which does not exist");
            }
        }
    }

    [Fact]
    public void Every_environment_key_compose_gives_a_service_is_one_the_service_reads()
    {
        // The check itself: a misspelt key, another service's key and a value of the wrong type are each refused.
        Assert.NotNull(WhyNotRead("Intake", "Bus:RabbitMqUrl", "amqp://localhost/"));
        Assert.NotNull(WhyNotRead("Qualification", "Intake:PersonKeySecret", "secret"));
        Assert.NotNull(WhyNotRead("FollowUp", "Outbox:PollInterval", "soon"));
        Assert.NotNull(WhyNotRead("FollowUp", "Seq:Url", "http://seq"));
        Assert.Null(WhyNotRead("Qualification", "Qualification:OperatorApiKey", "key"));

        var checkedKeys = 0;
        foreach (var (name, service, definition) in AppServices())
        {
            var environment = ComposeEnvironment(definition, name);
            Assert.Empty(environment.Select(e => WhyNotRead(service, e.Key, e.Value)).OfType<string>());
            checkedKeys += environment.Count;
        }
        output.WriteLine($"{checkedKeys} keys checked by binding them to the services' options");
    }

    [Fact]
    public void The_kubernetes_manifests_parse_and_probe_health_on_the_container_port()
    {
        var folder = Path.Combine(Deploy, "kubernetes");
        var kustomization = Map(Yaml.Deserialize<object>(File.ReadAllText(Path.Combine(folder, "kustomization.yaml"))), "kustomization");
        var documents = List(kustomization["resources"], "resources").Select(Str)
            .SelectMany(resource => ReadDocuments(Path.Combine(folder, resource))).ToList();
        string KindOf(Dictionary<object, object> d) => Str(d["kind"]);
        string NameOf(Dictionary<object, object> d) => Str(Get(d, "metadata.name"));
        var configData = documents.Where(d => KindOf(d) is "ConfigMap" or "Secret").ToDictionary(
            d => $"{KindOf(d)}/{NameOf(d)}",
            d => (d.GetValueOrDefault("data") ?? d.GetValueOrDefault("stringData")) is { } data ? Map(data, NameOf(d)).ToDictionary(e => Str(e.Key), e => Str(e.Value)) : []);

        var deployments = documents.Where(d => KindOf(d) == "Deployment").ToList();
        Assert.Equal(["followup", "intake", "qualification"], deployments.Select(NameOf).Order());
        foreach (var deployment in deployments)
        {
            var name = NameOf(deployment);
            var service = Services.Keys.Single(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
            var podLabels = Map(Get(deployment, "spec.template.metadata.labels"), "labels");
            Assert.True(Map(Get(deployment, "spec.selector.matchLabels"), "matchLabels").All(l => Equals(podLabels.GetValueOrDefault(l.Key), l.Value)),
                $"{name}: the selector does not select its own pods");
            var container = Map(List(Get(deployment, "spec.template.spec.containers"), "containers").Single(), "container");
            Assert.Equal($"leadplatform/{name}", Str(container["image"]));
            var port = Map(List(container["ports"], "ports").Single(), "port");
            Assert.Equal("8080", Str(port["containerPort"]));
            foreach (var (probe, path) in new[] { ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live") })
            {
                var httpGet = Map(Get(container, $"{probe}.httpGet"), probe);
                Assert.Equal(path, Str(httpGet["path"]));
                Assert.Contains(Str(httpGet["port"]), new[] { Str(port["containerPort"]), Str(port.GetValueOrDefault("name") ?? "") });
            }
            foreach (var bound in new[] { "requests", "limits" })
                Assert.True(Map(Get(container, $"resources.{bound}"), bound).ContainsKey("memory"), $"{name}: no memory {bound}");

            var keys = new Dictionary<string, string>();
            foreach (var source in List(container["envFrom"], "envFrom").Select(s => Map(s, "envFrom")))
            {
                var (kind, reference) = source.ContainsKey("configMapRef") ? ("ConfigMap", "configMapRef") : ("Secret", "secretRef");
                var key = $"{kind}/{Str(Get(source, $"{reference}.name"))}";
                Assert.True(configData.ContainsKey(key), $"{name}: {key} is not among the manifests");
                foreach (var (k, v) in configData[key]) keys[k.Replace("__", ":", StringComparison.Ordinal)] = v;
            }
            Assert.Empty(keys.Select(e => WhyNotRead(service, e.Key, e.Value)).OfType<string>());
            Assert.True(keys.ContainsKey("Bus:RabbitMqUri") && keys.ContainsKey("Storage:MongoConnectionString"), $"{name}: broker or store not configured");
            Assert.True(Uri.TryCreate(keys["Bus:RabbitMqUri"], UriKind.Absolute, out _), $"{name}: the broker URI does not parse");

            foreach (var kind in new[] { "Service", "PodDisruptionBudget" })
            {
                var selecting = documents.Single(d => KindOf(d) == kind && NameOf(d) == name);
                var selector = Map(kind == "Service" ? Get(selecting, "spec.selector") : Get(selecting, "spec.selector.matchLabels"), "selector");
                Assert.True(selector.All(l => Equals(podLabels.GetValueOrDefault(l.Key), l.Value)), $"{kind} {name} selects none of its pods");
            }
        }

        var autoscaled = documents.Where(d => KindOf(d) == "HorizontalPodAutoscaler")
            .Select(d => (Kind: Str(Get(d, "spec.scaleTargetRef.kind")), Name: Str(Get(d, "spec.scaleTargetRef.name")))).ToList();
        Assert.Contains(("Deployment", "qualification"), autoscaled);
        Assert.Contains(("Deployment", "followup"), autoscaled);
        output.WriteLine($"{documents.Count} documents; autoscaled: {string.Join(", ", autoscaled.Select(a => a.Name))}");
    }

    [Theory]
    [InlineData("Intake")]
    [InlineData("Qualification")]
    [InlineData("FollowUp")]
    public async Task Each_service_starts_with_exactly_the_environment_compose_gives_it(string service)
    {
        var broker = new Uri(rabbit.RequireUri());
        var (name, _, definition) = AppServices().Single(s => s.Service == service);
        var arguments = new List<string>();
        string? busUri = null;
        // deploy/.env as its comments say to make it: every secret of .env.example replaced by a new random value (with the
        // examples themselves, a production host refuses to start: Refusing_unsafe_secrets_in_production).
        foreach (var (key, value) in ComposeEnvironment(definition, name, EnvWithGeneratedSecrets()))
        {
            var given = key == "Bus:RabbitMqUri" ? busUri = await OnTheTestBrokerAsync(new Uri(value), broker) : value;
            arguments.Add($"--{key}={given}");
        }
        Assert.NotNull(busUri);

        // Live within the startup probe's window, although compose's MongoDB is not reachable from here: a service that
        // waits for its store before it answers is restarted by Kubernetes for an outage of that store, again and again.
        var starting = System.Diagnostics.Stopwatch.StartNew();
        await using var host = await RunningHost.StartUntilLiveAsync(Services[service].Build, [.. arguments]);
        var window = StartupWindow(service);
        output.WriteLine($"live after {starting.Elapsed.TotalSeconds:0.0} s (the startup probe allows {window.TotalSeconds:0} s)");
        Assert.True(starting.Elapsed < window,
            $"{service} answered /health/live after {starting.Elapsed.TotalSeconds:0.0} s with its store unreachable: its startup probe restarts it after {window.TotalSeconds:0} s");

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/health/live")).StatusCode);
        // Its receive endpoints exist on compose's virtual host, declared with compose's credentials.
        foreach (var queue in Services[service].Queues)
            await Eventually.GetAsync(() => QueueExistsAsync(busUri, queue), exists => exists, TimeSpan.FromSeconds(30), $"queue {queue}");
        // Ready says why not: the broker is fine, compose's MongoDB (host "mongodb") is not reachable from here.
        var health = host.App.Services.GetRequiredService<HealthCheckService>();
        var report = await Eventually.GetAsync(() => health.CheckHealthAsync(r => r.Tags.Contains("ready")),
            r => r.Entries.TryGetValue("masstransit-bus", out var bus) && bus.Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(30), "the bus to be healthy");
        foreach (var (entry, result) in report.Entries) output.WriteLine($"{entry}: {result.Status} {result.Description}");
        var stores = report.Entries.Where(e => e.Key.StartsWith($"{service.ToLowerInvariant()}-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stores);
        Assert.All(stores, s =>
        {
            Assert.Equal(HealthStatus.Unhealthy, s.Value.Status);
            Assert.EndsWith("store unreachable", s.Value.Description, StringComparison.Ordinal);
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/health/ready")).StatusCode);

        // The image's HEALTHCHECK: the host's own --healthcheck mode, which exits 0 only on a 2xx.
        WebApplication NotBuilt(string[] _) => throw new InvalidOperationException("--healthcheck must not build the host");
        Assert.Equal(0, await ServiceHost.RunAsync(["--healthcheck", new Uri(host.Address, "/health/live").ToString()], NotBuilt));
        Assert.Equal(1, await ServiceHost.RunAsync(["--healthcheck", new Uri(host.Address, "/health/ready").ToString()], NotBuilt));

        // Bounded: the outbox dispatcher's first read waits out the MongoDB driver's 30 s server selection otherwise.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await host.App.StopAsync(stopping.Token);
    }

    /// <summary>How long Kubernetes gives the service's pod to answer <c>/health/live</c> before restarting it (its startup probe).</summary>
    private static TimeSpan StartupWindow(string service)
    {
        var deployment = ReadDocuments(Path.Combine(Deploy, "kubernetes", $"{service.ToLowerInvariant()}.yaml")).Single(d => Str(d["kind"]) == "Deployment");
        var container = Map(List(Get(deployment, "spec.template.spec.containers"), "containers").Single(), "container");
        var probe = Map(container["startupProbe"], "startupProbe");
        return TimeSpan.FromSeconds(int.Parse(Str(probe["periodSeconds"]), CultureInfo.InvariantCulture) * int.Parse(Str(probe["failureThreshold"]), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Compose's broker URI with only the address moved to the test broker. On the fixture's private node the user
    /// and virtual host are created as deploy/rabbitmq/setup.sh creates them; on another broker there is no way to,
    /// so there the fixture's own credentials and virtual host stand in (and the test says so).
    /// </summary>
    private async Task<string> OnTheTestBrokerAsync(Uri composed, Uri broker)
    {
        var builder = new UriBuilder(composed) { Host = broker.Host, Port = broker.Port };
        if (rabbit.LocalNode is { } node)
        {
            var user = Uri.UnescapeDataString(composed.UserInfo.Split(':')[0]);
            var password = Uri.UnescapeDataString(composed.UserInfo.Split(':', 2)[1]);
            var vhost = Uri.UnescapeDataString(composed.AbsolutePath.Trim('/'));
            await IdempotentAsync(() => node.CtlAsync("add_vhost", vhost));
            await IdempotentAsync(() => node.CtlAsync("add_user", user, password), () => node.CtlAsync("change_password", user, password));
            await node.CtlAsync("set_permissions", "-p", vhost, user, ".*", ".*", ".*");
        }
        else
        {
            output.WriteLine($"The broker ({rabbit.Source}) is not the fixture's private node: compose's user and virtual host replaced by the fixture's.");
            (builder.UserName, builder.Password, builder.Path) = (broker.UserInfo.Split(':')[0], broker.UserInfo.Split(':', 2)[1], broker.AbsolutePath);
        }
        return builder.Uri.AbsoluteUri;
    }

    private static async Task IdempotentAsync(Func<Task<string>> create, Func<Task<string>>? update = null)
    {
        try
        {
            await create();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            if (update is not null) await update();
        }
    }

    private static async Task<bool> QueueExistsAsync(string uri, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>Why a service would not read this key (null when it does), found by binding it as the service does.</summary>
    private static string? WhyNotRead(string service, string key, string value)
    {
        if (KeysReadDirectly.Contains(key)) return null;
        var section = key.Split(':')[0];
        var own = Services[service];
        var type = SharedSections.GetValueOrDefault(section)
                   ?? (section.Equals(own.Section, StringComparison.OrdinalIgnoreCase) ? own.Options : null)
                   ?? ServiceSections.GetValueOrDefault((service, section));
        if (type is null) return $"{service} reads no '{section}' section ({key})";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        try
        {
            configuration.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return $"{service}: {key}={value} does not bind to {type.Name}: {ex.Message}";
        }
    }

    /// <summary>The services compose builds from the Dockerfile: compose name, SERVICE argument, definition.</summary>
    private static IEnumerable<(string Name, string Service, Dictionary<object, object> Definition)> AppServices() =>
        Map(LoadCompose()["services"], "services")
            .Select(s => (Name: Str(s.Key), Definition: Map(s.Value, Str(s.Key))))
            .Where(s => s.Definition.ContainsKey("build"))
            .Select(s => (s.Name, Str(Get(s.Definition, "build.args.SERVICE")), s.Definition));

    /// <summary>A service's environment as configuration keys (<c>__</c> is <c>:</c>), interpolated from .env.example.</summary>
    private static Dictionary<string, string> ComposeEnvironment(Dictionary<object, object> definition, string name, Dictionary<string, string>? env = null)
    {
        var variables = env ?? EnvExample();
        var pairs = definition.GetValueOrDefault("environment") switch
        {
            Dictionary<object, object> map => map.Select(e => (Str(e.Key), e.Value is null ? "" : Str(e.Value))),
            List<object> list => list.Select(Str).Select(e => (e.Split('=', 2)[0], e.Split('=', 2).ElementAtOrDefault(1) ?? "")),
            _ => throw new InvalidOperationException($"{name} has no environment"),
        };
        return pairs.ToDictionary(p => p.Item1.Replace("__", ":", StringComparison.Ordinal), p => Interpolate(p.Item2, variables));
    }

    /// <summary>Compose's interpolation: <c>$$</c>, <c>${X}</c>, <c>${X:-default}</c>, <c>${X-default}</c>, <c>${X:?error}</c>, <c>${X?error}</c>.</summary>
    private static string Interpolate(string value, Dictionary<string, string> variables) =>
        Interpolation().Replace(value, m =>
        {
            if (m.Value == "$$") return "$";
            var name = m.Groups["name"].Value;
            var set = variables.TryGetValue(name, out var v);
            return m.Groups["op"].Value switch
            {
                ":-" => string.IsNullOrEmpty(v) ? m.Groups["arg"].Value : v,
                "-" => set ? v! : m.Groups["arg"].Value,
                ":?" or "?" or "" when !string.IsNullOrEmpty(v) || (set && m.Groups["op"].Value == "?") => v!,
                _ => throw new InvalidOperationException($"compose needs {name}: {m.Groups["arg"].Value}"),
            };
        });

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Interpolation();

    private static Dictionary<string, string> EnvExample() =>
        File.ReadAllLines(Path.Combine(Deploy, ".env.example"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p.ElementAtOrDefault(1) ?? "");

    private static Dictionary<object, object> LoadCompose()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Deploy, "docker-compose.yml")));
        return Yaml.Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static List<Dictionary<object, object>> ReadDocuments(string path)
    {
        Assert.True(File.Exists(path), $"{path} is listed in kustomization.yaml but does not exist");
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Yaml.Deserialize<Dictionary<object, object>?>(parser) is { } document) documents.Add(document);
        }
        return documents;
    }

    /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped.</summary>
    private static List<string> DockerfileInstructions(string path) =>
        Regex.Replace(string.Join('\n', File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith('#'))), @"\\\n\s*", " ")
            .Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static IEnumerable<string> CopySources(string copy, string service)
    {
        var words = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        return words.Take(words.Count - 1).Select(w => w.Replace("${SERVICE}", service, StringComparison.Ordinal).TrimStart('.', '/'));
    }

    private static string HostProject(string service) =>
        Path.Combine(Root, "services", service, $"LeadPlatform.{service}.Host", $"LeadPlatform.{service}.Host.csproj");

    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next)) continue;
            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, reference.Attribute("Include")!.Value)));
        }
        return found;
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static object Get(Dictionary<object, object> node, string path)
    {
        object current = node;
        foreach (var part in path.Split('.'))
        {
            var map = Map(current, path);
            Assert.True(map.TryGetValue(part, out var child) && child is not null, $"'{path}' is missing (at '{part}')");
            current = child;
        }
        return current;
    }

    private static Dictionary<object, object> Map(object? node, string what) =>
        node as Dictionary<object, object> ?? throw new InvalidOperationException($"{what} is not a mapping");

    private static List<object> List(object? node, string what) =>
        node as List<object> ?? throw new InvalidOperationException($"{what} is not a sequence");

    private static string Str(object? node) =>
        node as string ?? throw new InvalidOperationException($"'{node}' is not a scalar");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LeadPlatform.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No LeadPlatform.sln above {AppContext.BaseDirectory}");
    }

    private sealed record ServiceUnderTest(Func<string[], WebApplication> Build, string Section, Type Options, string[] Queues);
}
