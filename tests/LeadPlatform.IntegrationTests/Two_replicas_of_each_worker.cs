using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp;
using LeadPlatform.Intake;
using LeadPlatform.Qualification;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.TestSupport;
using LeadPlatform.Storage.Outbox;
using LiteDB;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Issue 8's multi-replica check: two qualification and two follow-up replicas compete for the same queues on the
/// local RabbitMQ while a burst arrives; every lead is handled once (one decision, one task, one acknowledgement).
/// Replicas of a service share its database, as they do on MongoDB. Without <c>MONGODB_URI</c> that database is a
/// LiteDB file, which only one process may open: the second replica then runs in this process on the first one's
/// store objects (its own bus connection, consumers, outbox dispatcher and HTTP), which keeps the shared store's
/// compare-and-replace atomic, as MongoDB's is. Both replicas' outbox dispatchers poll the same store and claim each event
/// before publishing it, so none is published twice: a bystander queue counts them.
/// </summary>
public sealed class Two_replicas_of_each_worker(RabbitMqFixture rabbit, ITestOutputHelper output) : IAsyncDisposable
{
    private const int Burst = 30;
    private const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";
    private readonly string _dataRoot = Directory.CreateTempSubdirectory("leadplatform-replicas-").FullName;
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private readonly List<IAsyncDisposable> _hosts = [];
    private IBusControl? _bus;

    [Fact]
    public async Task Two_qualification_and_two_follow_up_replicas_handle_every_lead_once()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        // Claims as on MongoDB (where they are on by default): the replicas' dispatchers share the store.
        var followUpArguments = (string[])[.. DistributedServices.ArgumentsFor("followup", uri, _dataRoot), $"--FollowUp:ClinicPostalAddress={ClinicAddress}", "--Outbox:ClaimBeforePublish=true"];
        var qualificationArguments = (string[])[.. DistributedServices.ArgumentsFor("qualification", uri, _dataRoot), "--Outbox:ClaimBeforePublish=true"];
        var followUp = await StartAsync(FollowUpHost.Build, followUpArguments);
        var followUp2 = await StartAsync(a => FollowUpHost.Build(a, b => ShareStores(b, followUp)), followUpArguments);
        var qualification = await StartAsync(QualificationHost.Build, qualificationArguments);
        var qualification2 = await StartAsync(a => QualificationHost.Build(a, b => ShareStores(b, qualification)), qualificationArguments);
        var intake = await StartAsync(IntakeHost.Build, DistributedServices.ArgumentsFor("intake", uri, _dataRoot));
        intake.Http.DefaultRequestHeaders.Add("X-Api-Key", DistributedServices.IntakeApiKey);
        var consumed = new[] { followUp, followUp2, qualification, qualification2 }.Select(Count).ToList();
        await StartTestBusAsync(uri);

        var posts = Enumerable.Range(0, Burst).Select(async _ =>
        {
            var request = SampleQuoteRequest.Create(phone: null);
            using var response = await intake.Http.PostAsJsonAsync("/api/v1/quote-requests", request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var quoteRequestId = await FollowUpApi.QuoteRequestIdOf(response);
            return (LeadId: await FollowUpApi.LeadIdOfAsync(followUp.Http, quoteRequestId, TimeSpan.FromSeconds(90)), Email: (string)request["email"]!);
        });
        var leads = (await Task.WhenAll(posts)).ToList();

        var final = await FollowUpApi.CountWhenSettledAsync(FollowUpApi.Authorize(followUp2.Http), leads.Select(l => l.LeadId), TimeSpan.FromSeconds(90));
        var decisions = new Dictionary<Guid, int>();
        foreach (var (leadId, _) in leads)
        {
            using var response = await qualification2.Http.GetAsync($"/api/v1/qualifications/{leadId}");
            decisions[leadId] = response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count : 0;
        }
        var emailFolder = Path.Combine(_dataRoot, "followup");
        var ids = leads.Select(l => l.LeadId).ToList();
        const string fault = "Two replicas of qualification and of follow-up on the same queues, a burst of 30";
        var tables = new (string Counted, FaultTable.Row Row)[]
        {
            ("qualification decisions", FaultTable.Count("burst", ids, l => decisions[l])),
            ("follow-up tasks", FaultTable.Count("burst", ids, l => final[l].Tasks)),
            ("acknowledgements on the lead", FaultTable.Count("burst", ids, l => final[l].Acknowledgements)),
            ("acknowledgement emails in the mailbox", FaultTable.Count("burst", ids, l => FollowUpApi.EmailsTo(emailFolder, leads.Single(x => x.LeadId == l).Email))),
        };
        foreach (var (counted, row) in tables) FaultTable.Print(output, fault, counted, [row]);
        output.WriteLine($"messages consumed: follow-up replicas {consumed[0].Value} + {consumed[1].Value}, qualification replicas {consumed[2].Value} + {consumed[3].Value}");
        var twice = _deliveries.Count(d => d.Value > 1);
        output.WriteLine($"events seen by a bystander queue: {_deliveries.Count} distinct MessageIds, {twice} published more than once by the two outbox dispatchers");

        Assert.All(tables, t => FaultTable.AssertExactlyOnce([t.Row]));
        // Each event is claimed before it is published: two dispatchers on one store publish it once.
        Assert.Equal(0, twice);
        Assert.All(consumed, c => Assert.True(c.Value > 0, "every replica consumed messages (competing consumers)"));
    }

    /// <summary>The second replica uses the first one's store objects (and LiteDB file), as two replicas share one MongoDB database.</summary>
    private static void ShareStores(WebApplicationBuilder builder, RunningHost first)
    {
        if (Environment.GetEnvironmentVariable("MONGODB_URI") is not null) return; // they share the database by its name
        foreach (var descriptor in builder.Services.ToList())
        {
            if (descriptor.IsKeyedService ? descriptor.ServiceType == typeof(LiteDatabase) : typeof(IOutboxStore).IsAssignableFrom(descriptor.ServiceType))
            {
                builder.Services.Remove(descriptor);
                builder.Services.Add(descriptor.IsKeyedService
                    ? ServiceDescriptor.KeyedSingleton(descriptor.ServiceType, descriptor.ServiceKey, first.App.Services.GetRequiredKeyedService(descriptor.ServiceType, descriptor.ServiceKey))
                    : ServiceDescriptor.Singleton(descriptor.ServiceType, first.App.Services.GetRequiredService(descriptor.ServiceType)));
            }
        }
    }

    private static StrongBox Count(RunningHost host)
    {
        var box = new StrongBox();
        host.App.Services.GetRequiredService<IBus>().ConnectConsumeObserver(new CountingObserver(box));
        return box;
    }

    private async Task<RunningHost> StartAsync(Func<string[], WebApplication> build, string[] arguments)
    {
        var host = await RunningHost.StartAsync(build, arguments);
        _hosts.Add(host);
        return host;
    }

    private async Task StartTestBusAsync(string uri)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            BusExtensions.ConfigureHost(cfg, new Uri(uri));
            cfg.ReceiveEndpoint($"test-bystander-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<LeadQualified>(c => Seen(c.MessageId));
                e.Handler<FollowUpTaskCreated>(c => Seen(c.MessageId));
                e.Handler<QuoteRequestSubmitted>(c => Seen(c.MessageId));
            });
        });
        await _bus.StartAsync(TestContext.Current.CancellationToken);
    }

    private Task Seen(Guid? messageId)
    {
        _deliveries.AddOrUpdate(messageId ?? Guid.Empty, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
        foreach (var host in Enumerable.Reverse(_hosts)) await host.DisposeAsync();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private sealed class StrongBox
    {
        private int _value;
        public int Value => Volatile.Read(ref _value);
        public void Increment() => Interlocked.Increment(ref _value);
    }

    private sealed class CountingObserver(StrongBox box) : IConsumeObserver
    {
        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            box.Increment();
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
