using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Intake;
using LeadPlatform.IntakeBenchmark;

// Posts the same quote requests to the standalone host (intake, qualification and follow-up in one process: LiteDB,
// in-process bus, so every accepted request is also qualified and followed up while the benchmark runs) and to a bare Kestrel
// endpoint that only deserialises the JSON and answers 202, in one process, one after the other, on loopback. A third
// target, intake's own host with nobody consuming its events, splits intake's cost from the rest of the pipeline's.
//   dotnet run -c Release --project tests/LeadPlatform.IntakeBenchmark -- [requests] [concurrency]
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var warmup = Math.Max(2000, requests / 4);
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
await intake.StartAsync();
await alone.StartAsync();
await bare.StartAsync();
try
{
    var intakeUrl = new Uri(new Uri(intake.Urls.First()), "/api/v1/quote-requests");
    var bareUrl = new Uri(new Uri(bare.Urls.First()), "/api/v1/quote-requests");
    var aloneUrl = new Uri(new Uri(alone.Urls.First()), "/api/v1/quote-requests");
    Console.WriteLine($"Intake benchmark: {requests} requests per target, {concurrency} at a time, {warmup} warm-up requests each, in {Rounds} interleaved rounds; " +
                      $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}.");

    await LoadGenerator.RunAsync("warm-up bare", bareUrl, Bodies(warmup, "warm-bare"), concurrency, null);
    await LoadGenerator.RunAsync("warm-up intake", intakeUrl, Bodies(warmup, "warm-intake"), concurrency, apiKey);
    await LoadGenerator.RunAsync("warm-up intake alone", aloneUrl, Bodies(warmup, "warm-alone"), concurrency, apiKey);
    // Interleaved rounds: the machine's other load (it is shared) falls on both targets alike.
    var bareRounds = new List<LoadResult>();
    var intakeRounds = new List<LoadResult>();
    var aloneRounds = new List<LoadResult>();
    for (var round = 0; round < Rounds; round++)
    {
        bareRounds.Add(await LoadGenerator.RunAsync("bare", bareUrl, Bodies(requests / Rounds, $"bare{round}-"), concurrency, null));
        intakeRounds.Add(await LoadGenerator.RunAsync("intake", intakeUrl, Bodies(requests / Rounds, $"intake{round}-"), concurrency, apiKey));
        aloneRounds.Add(await LoadGenerator.RunAsync("intake alone", aloneUrl, Bodies(requests / Rounds, $"alone{round}-"), concurrency, apiKey));
    }
    var bareResult = LoadResult.Combine("bare Kestrel (deserialise)", bareRounds);
    var intakeResult = LoadResult.Combine("standalone intake (LiteDB)", intakeRounds);
    var aloneResult = LoadResult.Combine("intake host alone (LiteDB)", aloneRounds);
    Console.WriteLine();
    Console.WriteLine($"{"target",-28} {"requests",8} {"conc",5} {"req/s",10} {"p50 ms",9} {"p99 ms",9} {"failures",8}");
    Console.WriteLine(bareResult);
    Console.WriteLine(intakeResult);
    Console.WriteLine(aloneResult);
    var throughput = intakeResult.RequestsPerSecond / bareResult.RequestsPerSecond;
    var tail = intakeResult.P99 / bareResult.P99;
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"intake / bare: throughput {throughput:P0} (target >= 50%), p99 {tail:0.00}x (target <= 3x): " +
        $"{(throughput >= 0.5 && tail <= 3 && intakeResult.Failures == 0 ? "within target" : "OUTSIDE target")}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"intake alone / bare: throughput {aloneResult.RequestsPerSecond / bareResult.RequestsPerSecond:P0}, p99 {aloneResult.P99 / bareResult.P99:0.00}x"));
    Console.WriteLine("(intake alone is what intake costs by itself; the standalone's remainder is qualification and follow-up working on the same cores)");
    return intakeResult.Failures == 0 && bareResult.Failures == 0 && aloneResult.Failures == 0 ? 0 : 1;
}
finally
{
    await intake.StopAsync();
    await alone.StopAsync();
    await bare.StopAsync();
    await intake.DisposeAsync();
    await alone.DisposeAsync();
    await bare.DisposeAsync();
    Directory.Delete(dataFolder, recursive: true);
    Directory.Delete(aloneFolder, recursive: true);
}

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
