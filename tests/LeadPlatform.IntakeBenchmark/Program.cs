using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Intake;
using LeadPlatform.IntakeBenchmark;

// Posts the same quote requests to the standalone host (intake, qualification and follow-up in one process: LiteDB,
// in-process bus, so every accepted request is also qualified and followed up while the benchmark runs) and to a bare Kestrel
// endpoint that only deserialises the JSON and answers 202, in one process, one after the other, on loopback. A second
// baseline adds one group-committed LiteDB insert of the same document to the bare endpoint (the price of durability). A
// fourth target, intake's own host with nobody consuming its events, splits intake's cost from the rest of the pipeline's.
//   dotnet run -c Release --project tests/LeadPlatform.IntakeBenchmark -- [requests] [concurrency] [warm-up] [targets: bare,durable,intake,alone]
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var warmup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Math.Max(2000, requests / 4);
var only = args.Length > 3 ? args[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
const int Rounds = 4;
const string apiKey = "benchmark-site-key-0123456789";

var dataFolder = Directory.CreateTempSubdirectory("leadplatform-intake-benchmark-").FullName;
var intake = LeadPlatform.Standalone.StandaloneHost.Build([
    "--urls=http://127.0.0.1:0",
    "--Bus:Transport=InProcess", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={dataFolder}",
    $"--Intake:Sites:bench:ApiKey={apiKey}",
    "--Intake:RateLimits:PerClientIp:PermitLimit=10000000", "--Intake:RateLimits:PerSite:PermitLimit=10000000",
    // Per-request Information events (request log, "stored") would measure the console, not intake.
    "--Serilog:MinimumLevel:Default=Warning",
]);
var aloneFolder = Directory.CreateTempSubdirectory("leadplatform-intake-alone-benchmark-").FullName;
// Intake alone runs in Production, which refuses to start without strong secrets: made here, for this run.
string Secret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
var alone = IntakeHost.Build([
    "--urls=http://127.0.0.1:0",
    $"--Privacy:EncryptionKeys:bench={Secret()}", "--Privacy:CurrentKeyId=bench", $"--Privacy:LookupKeySecret={Secret()}", $"--Intake:PersonKeySecret={Secret()}",
    "--Bus:Transport=InProcess", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={aloneFolder}",
    $"--Intake:Sites:bench:ApiKey={apiKey}",
    "--Intake:RateLimits:PerClientIp:PermitLimit=10000000", "--Intake:RateLimits:PerSite:PermitLimit=10000000",
    "--Serilog:MinimumLevel:Default=Warning",
]);
var bare = LeadPlatform.LoadTool.BareIntakeEndpoint.Build();
var durableFolder = Directory.CreateTempSubdirectory("leadplatform-durable-baseline-").FullName;
var (durable, durableStore) = DurableBaselineEndpoint.Build(durableFolder);
await intake.StartAsync();
await alone.StartAsync();
await bare.StartAsync();
await durable.StartAsync();
try
{
    static Uri At(Microsoft.AspNetCore.Builder.WebApplication app) => new(new Uri(app.Urls.First()), "/api/v1/quote-requests");
    // Every target, the baselines first; a fourth argument names the ones to run (a profile of one target), e.g. "alone".
    var all = new[]
    {
        (Key: "bare", Label: "bare Kestrel (deserialise)", Url: At(bare), ApiKey: (string?)null),
        (Key: "durable", Label: "bare + LiteDB group commit", Url: At(durable), ApiKey: (string?)null),
        (Key: "intake", Label: "standalone intake (LiteDB)", Url: At(intake), ApiKey: (string?)apiKey),
        (Key: "alone", Label: "intake host alone (LiteDB)", Url: At(alone), ApiKey: (string?)apiKey),
    };
    var targets = all.Where(t => only is null || only.Contains(t.Key)).ToArray();
    Console.WriteLine($"Intake benchmark: {requests} requests per target, {concurrency} at a time, {warmup} warm-up requests each, in {Rounds} interleaved rounds; " +
                      $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}; targets {string.Join(", ", targets.Select(t => t.Key))}; load average {LoadAverage()}.");

    foreach (var target in targets)
        await LoadGenerator.RunAsync($"warm-up {target.Key}", target.Url, Bodies(warmup, $"warm-{target.Key}"), concurrency, target.ApiKey);
    // Interleaved rounds: the machine's other load (it is shared) falls on every target alike.
    var rounds = targets.ToDictionary(t => t.Key, _ => new List<LoadResult>());
    for (var round = 0; round < Rounds; round++)
    {
        foreach (var target in targets)
            rounds[target.Key].Add(await LoadGenerator.RunAsync(target.Key, target.Url, Bodies(requests / Rounds, $"{target.Key}{round}-"), concurrency, target.ApiKey));
    }
    var results = targets.ToDictionary(t => t.Key, t => LoadResult.Combine(t.Label, rounds[t.Key]));
    Console.WriteLine();
    Console.WriteLine($"{"target",-28} {"requests",8} {"conc",5} {"req/s",10} {"p50 ms",9} {"p99 ms",9} {"cpu ms/req",9} {"failures",8}");
    foreach (var result in results.Values) Console.WriteLine(result);
    Console.WriteLine();
    void Ratio(string of, string to)
    {
        if (!results.TryGetValue(of, out var a) || !results.TryGetValue(to, out var b)) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio {of} / {to}: throughput {a.RequestsPerSecond / b.RequestsPerSecond:P0}, p50 {a.P50 / b.P50:0.00}x, p99 {a.P99 / b.P99:0.00}x, " +
            $"CPU per request {a.CpuMsPerRequest / b.CpuMsPerRequest:0.00}x ({a.CpuMsPerRequest - b.CpuMsPerRequest:0.000} ms more)"));
    }
    Ratio("durable", "bare");
    Ratio("intake", "bare");
    Ratio("alone", "bare");
    Ratio("intake", "durable");
    Ratio("alone", "durable");
    foreach (var key in new[] { "intake", "alone" })
    {
        if (!results.TryGetValue(key, out var intakeResult) || !results.TryGetValue("bare", out var bareResult)) continue;
        var throughput = intakeResult.RequestsPerSecond / bareResult.RequestsPerSecond;
        var tail = intakeResult.P99 / bareResult.P99;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{key} / bare: throughput {throughput:P0} (target >= 30%), p99 {tail:0.00}x (target <= 3x): " +
            $"{(throughput >= 0.3 && tail <= 3 && intakeResult.Failures == 0 ? "within target" : "OUTSIDE target")}"));
    }
    Console.WriteLine("(cpu ms/req: the benchmark process's CPU time per request over a target's runs and until it fell quiet after each, the load generator's share included; load average at the end " +
                      $"{LoadAverage()})");
    Console.WriteLine("(durable is the price of one durable write; intake alone is what intake costs by itself; the standalone's remainder is qualification and follow-up working on the same cores)");
    return results.Values.All(r => r.Failures == 0) ? 0 : 1;
}
finally
{
    await intake.StopAsync();
    await alone.StopAsync();
    await bare.StopAsync();
    await durable.StopAsync();
    await intake.DisposeAsync();
    await alone.DisposeAsync();
    await bare.DisposeAsync();
    await durable.DisposeAsync();
    durableStore.Dispose();
    Directory.Delete(dataFolder, recursive: true);
    Directory.Delete(aloneFolder, recursive: true);
    Directory.Delete(durableFolder, recursive: true);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "(unknown)";

// Distinct people (a unique email each, no phone), so every request is stored, not answered as a resubmission.
static List<byte[]> Bodies(int count, string run) => Enumerable.Range(0, count).Select(i => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
{
    ["firstName"] = "Maria",
    ["lastName"] = "Lopez",
    ["email"] = $"maria.lopez+{run}{i}@fastmail.com",
    ["dateOfBirth"] = "1990-04-12",
    ["country"] = "US",
    ["postalCode"] = "94110",
    ["preferredChannel"] = "email",
    ["language"] = "en",
    ["condition"] = "spondylolysis",
    ["symptomDurationMonths"] = 8,
    ["treatmentsTried"] = new JsonArray("rest", "physical_therapy"),
    ["message"] = "Pain for 8 months, PT helped a little.",
    ["consent"] = new JsonObject
    {
        ["email"] = new JsonObject { ["granted"] = true, ["text"] = "I agree to be contacted by email about my inquiry.", ["textVersion"] = "2026-11" },
        ["sms"] = new JsonObject { ["granted"] = false },
        ["phone"] = new JsonObject { ["granted"] = false },
    },
    ["source"] = new JsonObject
    {
        ["formId"] = "free-quote",
        ["pageUrl"] = "https://clinic.example/spondylolysis",
        ["utmSource"] = "google",
        ["utmMedium"] = "cpc",
        ["utmCampaign"] = "spine",
    },
    ["website"] = "",
    ["formRenderedAt"] = "2026-11-24T10:00:00Z",
})).ToList();
