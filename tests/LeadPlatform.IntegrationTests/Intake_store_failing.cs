using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LeadPlatform.Contracts;
using LeadPlatform.Intake;
using LeadPlatform.Intake.Storage;
using Microsoft.Extensions.DependencyInjection;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Fault 6 of issue 7: intake's LiteDB file made read-only under the running host (<c>chattr +i</c> on the file and its
/// folder: the kernel then refuses every write, even through the handle LiteDB already holds, even to root). Each POST
/// must answer 503 with ProblemDetails and Retry-After, never hang, keep nothing (no stored request, no event on the bus);
/// liveness reports the failed file (LiteDB cannot be trusted after a failed write until it reopens the file: see
/// <c>LiteDbFailure</c>), and once the fault heals and intake restarts, new requests are accepted and published.
/// </summary>
public sealed class Intake_store_failing(RabbitMqFixture rabbit, ITestOutputHelper output) : IAsyncDisposable
{
    private const int PerPhase = 5;
    private readonly string _dataRoot = Directory.CreateTempSubdirectory("leadplatform-store-fault-").FullName;
    private readonly ConcurrentDictionary<string, int> _published = new(StringComparer.OrdinalIgnoreCase);
    private IBusControl? _bus;
    private string? _immutable;

    [Fact]
    public async Task The_LiteDB_file_made_read_only_answers_503_keeps_nothing_and_accepts_again_once_healed()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        var folder = Path.Combine(_dataRoot, "intake");
        await StartTestBusAsync(uri);
        string[] arguments = [.. DistributedServices.ArgumentsFor("intake", uri, _dataRoot), "--Storage:Provider=LiteDb", $"--Storage:DataFolder={folder}"];
        var intake = await RunningHost.StartAsync(IntakeHost.Build, arguments);
        intake.Http.DefaultRequestHeaders.Add("X-Api-Key", DistributedServices.IntakeApiKey);
        var rows = new List<Row>();
        try
        {
            rows.Add(await PostAsync(intake, "before the fault", HttpStatusCode.Accepted));
            await Eventually.GetAsync(() => Task.FromResult(_published.Count), n => n == PerPhase, what: "the first requests' events");
            // The broker hands an event to the test before intake has stored it as sent (publish, confirm, then the mark):
            // the fault must come after the marks, or a mark it refuses is an event published again after the restart
            // (at least once, as designed, but not what this test counts). Seen in CI: PublishedTwice 5 before the fault.
            await Eventually.OutboxDrainedAsync(intake.App.Services.GetRequiredService<IQuoteRequestStore>(), TimeSpan.FromSeconds(30));

            var files = Directory.GetFiles(folder).Append(folder).ToArray();
            if (!await ChattrAsync("+i", files)) Assert.Skip("chattr +i is not available here (needs root and a file system with the immutable flag, such as ext4)");
            _immutable = folder;
            output.WriteLine($"immutable: {string.Join(", ", files.Select(Path.GetFileName))}");
            rows.Add(await PostAsync(intake, "file and folder read-only", HttpStatusCode.ServiceUnavailable));
            await Task.Delay(TimeSpan.FromSeconds(1)); // several outbox polls: nothing may be published meanwhile

            using (var live = await intake.Http.GetAsync("/health/live"))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, live.StatusCode); // an orchestrator restarts it
            Assert.True(await ChattrAsync("-i", files));
            _immutable = null;
            await intake.DisposeAsync();
            intake = await RunningHost.StartAsync(IntakeHost.Build, arguments);
            intake.Http.DefaultRequestHeaders.Add("X-Api-Key", DistributedServices.IntakeApiKey);
            rows.Add(await PostAsync(intake, "healed, intake restarted", HttpStatusCode.Accepted));
            await Eventually.GetAsync(() => Task.FromResult(_published.Count), n => n >= 2 * PerPhase, what: "the healed requests' events");
            await Task.Delay(TimeSpan.FromSeconds(1)); // and nothing more after them
        }
        finally
        {
            await intake.DisposeAsync();
        }

        // The file as a restarted intake would find it.
        // Personal data is sealed at rest: open it with the keys intake used (the tests' generated secrets).
        var protector = LeadPlatform.Storage.Privacy.PersonalDataProtector.FromConfiguration(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(TestSecrets.PrivacyConfiguration).Build());
        using (var database = LiteDbFiles.Open(folder, "intake.db", protector))
        {
            var stored = database.GetCollection<LeadPlatform.Intake.Storage.QuoteRequestDocument>("quote_requests").FindAll()
                .Select(d => d.Submission.Person.Email ?? string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase);
            rows = rows.Select(r => r with
            {
                Stored = r.Emails.Count(stored.Contains),
                Published = r.Emails.Count(e => _published.GetValueOrDefault(e) > 0),
                PublishedTwice = r.Emails.Count(e => _published.GetValueOrDefault(e) > 1),
            }).ToList();
        }

        output.WriteLine("Fault 6: intake's LiteDB file and folder made read-only (chattr +i) under the running host");
        output.WriteLine($"{"phase",-28} {"posted",6} {"202",4} {"503 + Retry-After",17} {"stored",6} {"published",9} {"duplicated",10} {"half-written",12}");
        foreach (var r in rows)
            output.WriteLine($"{r.Phase,-28} {r.Emails.Count,6} {r.Accepted,4} {r.Refused,17} {r.Stored,6} {r.Published,9} {r.PublishedTwice,10} {r.HalfWritten,12}");
        output.WriteLine($"SUMMARY Fault 6: store read-only: posted {rows.Sum(r => r.Emails.Count)}, accepted {rows.Sum(r => r.Accepted)}, refused with 503 {rows.Sum(r => r.Refused)}, "
                         + $"lost {rows.Sum(r => r.Accepted - Math.Min(r.Stored, r.Published))}, duplicated {rows.Sum(r => r.PublishedTwice)}, half-written {rows.Sum(r => r.HalfWritten)}, "
                         + $"recovered (accepted after the heal) {rows[^1].Accepted}");

        Assert.Equal([(PerPhase, 0), (0, PerPhase), (PerPhase, 0)], rows.Select(r => (r.Accepted, r.Refused)));
        Assert.All(rows, r => Assert.Equal((r.Accepted, r.Accepted, 0, 0), (r.Stored, r.Published, r.PublishedTwice, r.HalfWritten)));

        // What the failed host left behind is finalized without taking the process down (LiteDB's engine would flush
        // its suspect pages at finalization and throw on the finalizer thread).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static async Task<Row> PostAsync(RunningHost intake, string phase, HttpStatusCode expected)
    {
        var emails = new List<string>();
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < PerPhase; i++)
        {
            var request = SampleQuoteRequest.Create(phone: null);
            emails.Add((string)request["email"]!);
            using var hung = new CancellationTokenSource(TimeSpan.FromSeconds(10)); // a request that hangs fails the test
            using var response = await intake.Http.PostAsJsonAsync("/api/v1/quote-requests", request, hung.Token);
            Assert.Equal(expected, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Accepted) accepted++;
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(response.Headers.RetryAfter);
                refused++;
            }
        }
        return new Row(phase, emails, accepted, refused);
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

    private async Task StartTestBusAsync(string uri)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            BusExtensions.ConfigureHost(cfg, new Uri(uri));
            cfg.ReceiveEndpoint($"test-submitted-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<QuoteRequestSubmitted>(c =>
                {
                    _published.AddOrUpdate(c.Message.Person.Email ?? string.Empty, 1, (_, n) => n + 1);
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_immutable is not null) await ChattrAsync("-i", [.. Directory.GetFiles(_immutable), _immutable]);
        if (_bus is not null) await _bus.StopAsync();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private sealed record Row(string Phase, List<string> Emails, int Accepted, int Refused)
    {
        public int Stored { get; init; }
        public int Published { get; init; }
        public int PublishedTwice { get; init; }
        public int HalfWritten => Refused == 0 ? 0 : Stored + Published;
    }
}
