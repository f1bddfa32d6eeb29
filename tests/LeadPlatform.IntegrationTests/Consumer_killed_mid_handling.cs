using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadPlatform.Intake;
using LeadPlatform.Qualification;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Fault 2 of issue 7: follow-up, in its own process, killed (SIGKILL) between its store write and the broker's
/// acknowledgement, twice (after writing a task; after sending an acknowledgement), and restarted each time. The
/// redelivered messages must make no second task and no second acknowledgement, neither on the lead nor in the mailbox.
/// </summary>
public sealed partial class Consumer_killed_mid_handling(RabbitMqFixture rabbit, ITestOutputHelper output) : IDisposable
{
    private const int PerPhase = 8;
    private const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";
    private readonly string _dataRoot = Directory.CreateTempSubdirectory("leadplatform-consumer-kill-").FullName;

    [Fact]
    public async Task Follow_up_killed_after_its_store_write_and_before_its_ack_makes_no_second_task_and_no_second_acknowledgement()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        var followUpFolder = Path.Combine(_dataRoot, "followup");
        var dll = ServiceProcess.HostDll("FollowUp");
        string[] FollowUp(string? crashAfterHandling) =>
        [
            .. DistributedServices.ArgumentsFor("followup", uri, _dataRoot),
            "--Storage:Provider=LiteDb", $"--Storage:DataFolder={followUpFolder}", // the test reads the file while the process is dead
            $"--FollowUp:ClinicPostalAddress={ClinicAddress}",
            .. crashAfterHandling is null ? Array.Empty<string>() : [$"--FaultInjection:CrashAfterHandling={crashAfterHandling}"],
        ];

        // Follow-up first, so its queue is bound; it dies right after its first LeadQualified is handled (task written).
        var first = ServiceProcess.Start(dll, FollowUp("LeadQualified@followup-lead-journey"));
        await using var firstProcess = first;
        await first.WaitUntilReadyAsync(output);
        await using var qualification = await RunningHost.StartAsync(QualificationHost.Build, DistributedServices.ArgumentsFor("qualification", uri, _dataRoot));
        await using var intake = await RunningHost.StartAsync(IntakeHost.Build, DistributedServices.ArgumentsFor("intake", uri, _dataRoot));
        intake.Http.DefaultRequestHeaders.Add("X-Api-Key", DistributedServices.IntakeApiKey);

        var beforeFirstKill = await SubmitAsync(intake, PerPhase);
        var exit = await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var firstKill = Killed(first);
        var atFirstKill = FollowUpApi.ReadStore(followUpFolder);
        output.WriteLine($"1st kill (exit {exit}) after LeadQualified of lead {firstKill}: in the store {Describe(atFirstKill.GetValueOrDefault(firstKill))}");
        Assert.Equal(1, atFirstKill.GetValueOrDefault(firstKill)?.Tasks); // the write happened before the kill

        // Follow-up is down: these wait on its queue. Restarted, it dies right after its first acknowledgement is sent.
        var whileDown = await SubmitAsync(intake, PerPhase);
        var second = ServiceProcess.Start(dll, FollowUp("FollowUpTaskCreated@followup-acknowledgement"));
        await using var secondProcess = second;
        exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var secondKill = Killed(second);
        var atSecondKill = FollowUpApi.ReadStore(followUpFolder);
        output.WriteLine($"2nd kill (exit {exit}) after FollowUpTaskCreated of lead {secondKill}: in the store {Describe(atSecondKill.GetValueOrDefault(secondKill))}");
        Assert.Equal(1, atSecondKill.GetValueOrDefault(secondKill)?.Acknowledgements); // the acknowledgement was recorded before the kill

        // Restarted without faults: it handles the redeliveries and new work.
        await using var third = ServiceProcess.Start(dll, FollowUp(null));
        await third.WaitUntilReadyAsync(output);
        var afterRestart = await SubmitAsync(intake, PerPhase);

        var all = beforeFirstKill.Concat(whileDown).Concat(afterRestart).ToList();
        // Intake's answer names the quote request only: each one's lead is found through follow-up once it is settled.
        var byQuoteRequest = await FollowUpApi.CountWhenSettledAsync(FollowUpApi.Authorize(third.Http), all.Select(r => r.QuoteRequestId), TimeSpan.FromSeconds(90), byQuoteRequest: true);
        var leadOf = new Dictionary<Guid, Guid>();
        foreach (var r in all) leadOf[r.QuoteRequestId] = await FollowUpApi.LeadIdOfAsync(third.Http, r.QuoteRequestId);
        var final = all.ToDictionary(r => leadOf[r.QuoteRequestId], r => byQuoteRequest[r.QuoteRequestId]);
        var emails = all.ToDictionary(r => leadOf[r.QuoteRequestId], r => FollowUpApi.EmailsTo(followUpFolder, r.Email));
        bool DoneBeforeTheKills(Guid lead, Func<LeadCounts, bool> done) =>
            atFirstKill.TryGetValue(lead, out var a) && done(a) && atSecondKill.TryGetValue(lead, out var b) && done(b);

        var phases = new (string Phase, List<Submitted> Requests, bool InFault)[]
        {
            ("submitted before the 1st kill", beforeFirstKill, true),
            ("submitted while follow-up was down", whileDown, true),
            ("submitted after the restart", afterRestart, false),
        };
        // Recovered: a lead not yet done in the store at either kill, done exactly once at the end.
        List<FaultTable.Row> Table(Func<Guid, int> final, Func<LeadCounts, bool> done) => phases.Select(p => FaultTable.Count(p.Phase,
            p.Requests.Select(r => leadOf[r.QuoteRequestId]).ToList(), final, p.InFault ? l => DoneBeforeTheKills(l, done) : null)).ToList();
        var tasks = Table(l => final[l].Tasks, c => c.Tasks == 1);
        var acknowledgements = Table(l => final[l].Acknowledgements, c => c.AcknowledgementStatuses == "sent");
        var mailbox = Table(l => emails[l], c => c.AcknowledgementStatuses == "sent");
        const string fault = "Fault 2: follow-up killed (SIGKILL) after its store write, before its ack, twice, then restarted";
        FaultTable.Print(output, fault, "follow-up tasks", tasks);
        FaultTable.Print(output, fault, "acknowledgements on the lead", acknowledgements);
        FaultTable.Print(output, fault, "acknowledgement emails in the mailbox", mailbox);
        var stuck = final.Where(c => c.Value.AcknowledgementStatuses != "sent").Select(c => $"{c.Key}: {c.Value.AcknowledgementStatuses}").ToList();
        output.WriteLine(stuck.Count == 0 ? "every acknowledgement is 'sent'" : "acknowledgements not 'sent': " + string.Join("; ", stuck));

        FaultTable.AssertExactlyOnce(tasks);
        FaultTable.AssertExactlyOnce(acknowledgements);
        FaultTable.AssertExactlyOnce(mailbox);
        Assert.Empty(stuck);
    }

    private static Guid Killed(ServiceProcess process)
    {
        var match = KilledLine().Match(process.Output);
        Assert.True(match.Success, "The process ended without its fault hook firing:\n" + process.Output);
        return Guid.Parse(match.Groups[1].Value);
    }

    private static string Describe(LeadCounts? counts) =>
        counts is null ? "nothing" : $"{counts.Tasks} task(s), acknowledgements [{counts.AcknowledgementStatuses}]";

    private static async Task<List<Submitted>> SubmitAsync(RunningHost intake, int count)
    {
        var posts = Enumerable.Range(0, count).Select(async _ =>
        {
            var request = SampleQuoteRequest.Create(phone: null);
            using var response = await intake.Http.PostAsJsonAsync("/api/v1/quote-requests", request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Null(body["leadId"]);
            return new Submitted(Guid.Parse((string)body["quoteRequestId"]!), (string)request["email"]!);
        });
        return [.. await Task.WhenAll(posts)];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private sealed record Submitted(Guid QuoteRequestId, string Email);

    [GeneratedRegex("FaultInjection: killing process \\d+ after handling \\w+ [0-9a-f-]+ of lead ([0-9a-f-]{36})")]
    private static partial Regex KilledLine();
}
