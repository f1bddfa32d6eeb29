using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp;
using LeadPlatform.Intake;
using LeadPlatform.Qualification;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.TestSupport;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Events published before their consumers' services ever started, on a real RabbitMQ. RabbitMQ routes a message to
/// the queues bound at that moment: before every service declared every subscriber's queue (PlatformTopology), an event
/// reached only the subscribers that happened to be up, and one that nobody took came back and was retried with a
/// back-off growing to 15 s. The full suite once failed on it: intake answered ready, accepted a request and published
/// it while its own <c>LeadQualified</c> queue was still being declared, so it never learned the request was decided.
/// </summary>
public sealed class Starting_the_services_in_any_order(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    [Fact]
    public async Task A_request_accepted_while_intake_runs_alone_reaches_follow_up_and_qualification_started_later_in_the_wrong_order()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        var dataRoot = Directory.CreateTempSubdirectory("leadplatform-any-order-").FullName;
        await using var intake = await RunningHost.StartAsync(IntakeHost.Build, DistributedServices.ArgumentsFor("intake", uri, dataRoot));
        intake.Http.DefaultRequestHeaders.Add("X-Api-Key", DistributedServices.IntakeApiKey);

        using var response = await intake.Http.PostAsJsonAsync("/api/v1/quote-requests", SampleQuoteRequest.Create());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var quoteRequestId = await FollowUpApi.QuoteRequestIdOf(response);
        // Published (confirmed by the broker) while no consumer of it has ever run.
        await Eventually.GetAsync(() => PendingInIntakeAsync(intake), n => n == 0, TimeSpan.FromSeconds(30), "intake's outbox to publish the request");

        // Follow-up first (it also takes QuoteRequestSubmitted, so it used to swallow the only copy), qualification last.
        var clock = Stopwatch.StartNew();
        await using var followUp = await RunningHost.StartAsync(FollowUpHost.Build, DistributedServices.ArgumentsFor("followup", uri, dataRoot));
        var leadId = await FollowUpApi.LeadIdOfAsync(followUp.Http, quoteRequestId, TimeSpan.FromSeconds(60));
        output.WriteLine($"follow-up had the submission {clock.ElapsedMilliseconds} ms after it started");
        clock.Restart();
        await using var qualification = await RunningHost.StartAsync(QualificationHost.Build, DistributedServices.ArgumentsFor("qualification", uri, dataRoot));
        var qualificationReady = clock.ElapsedMilliseconds;

        var lead = await Eventually.GetAsync(() => GetJsonAsync(followUp, $"/api/v1/leads/{leadId}"),
            l => l?["tasks"]?.AsArray().Count > 0, TimeSpan.FromSeconds(60), "the follow-up task");
        output.WriteLine($"qualification ready after {qualificationReady} ms; follow-up's task {clock.ElapsedMilliseconds} ms after qualification started");
        Assert.Equal(quoteRequestId.ToString(), lead!["tasks"]!.AsArray().Single()!["quoteRequestId"]!.GetValue<string>());
        await Eventually.GetAsync(() => GetJsonAsync(intake, $"/api/v1/quote-requests/{quoteRequestId}"),
            s => s?["status"]?.GetValue<string>() == "done", TimeSpan.FromSeconds(60), "intake to learn the request was decided");
        TryDelete(dataRoot);
    }

    [Fact]
    public void The_declared_topology_names_every_queue_the_three_hosts_register_and_what_each_takes()
    {
        var expected = new List<(string Queue, string Message)>();
        foreach (var (service, build) in new (string, Func<string[], Microsoft.AspNetCore.Builder.WebApplication>)[]
                 {
                     (IntakeModule.ServiceName, IntakeHost.Build), (QualificationModule.ServiceName, QualificationHost.Build),
                     (FollowUpModule.ServiceName, FollowUpHost.Build),
                 })
        {
            var dataRoot = Path.Combine(Path.GetTempPath(), $"leadplatform-topology-{Guid.NewGuid():N}");
            var app = build(["--urls=http://127.0.0.1:0", TestApiToken.Argument, .. TestSecrets.Arguments,
                .. DistributedServices.ArgumentsFor(service.ToLowerInvariant(), "amqp://guest:guest@127.0.0.1:1/", dataRoot)]);
            foreach (var consumer in app.Services.GetServices<IConsumerRegistration>().Select(r => r.Type))
            {
                var queue = (string)typeof(ServiceEndpoints).GetMethod(nameof(ServiceEndpoints.NameOf))!.MakeGenericMethod(consumer).Invoke(null, [service])!;
                expected.AddRange(consumer.GetInterfaces()
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
                    .Select(i => (queue, i.GetGenericArguments()[0].Name)));
            }
            TryDelete(dataRoot);
        }
        var declared = PlatformTopology.Subscriptions.SelectMany(s => s.Messages.Select(m => (s.Queue, m.Name))).ToList();
        output.WriteLine(string.Join("\n", expected.Select(e => $"{e.Queue} <- {e.Message}")));
        Assert.Equal(expected.Order(), declared.Order());
    }

    /// <summary>
    /// An event published mandatory that no queue takes comes back and waits in the outbox for ever; one that some
    /// service consumes must be mandatory, or it is dropped when that queue is missing. So every event of the contracts
    /// is either consumed somewhere (in the declared topology) or marked <c>[MayGoUnrouted]</c> with its reason, never both.
    /// </summary>
    [Fact]
    public void Every_event_is_either_consumed_by_a_declared_queue_or_marked_as_allowed_to_go_unrouted()
    {
        var events = typeof(LeadQualified).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(MassTransit.MessageUrnAttribute), false)).ToList();
        var consumed = PlatformTopology.Subscriptions.SelectMany(s => s.Messages).ToHashSet();
        var marked = events.Where(t => t.IsDefined(typeof(MayGoUnroutedAttribute), false)).ToHashSet();
        foreach (var e in events)
            output.WriteLine($"{e.Name}: {(consumed.Contains(e) ? "consumed" : marked.Contains(e) ? "may go unrouted" : "NEITHER")}");

        Assert.NotEmpty(marked);
        Assert.All(events, e => Assert.True(consumed.Contains(e) ^ marked.Contains(e),
            $"{e.Name} must be consumed by a declared queue or marked [MayGoUnrouted], and not both"));
    }

    private static async Task<int> PendingInIntakeAsync(RunningHost intake)
    {
        var store = intake.App.Services.GetRequiredService<LeadPlatform.Intake.Storage.IQuoteRequestStore>();
        return (await store.FindPendingOutboxAsync(10, CancellationToken.None)).Count;
    }

    private static async Task<JsonObject?> GetJsonAsync(RunningHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
