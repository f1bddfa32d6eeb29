using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.Qualification;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.TestSupport;
using MassTransit;
using RabbitMQ.Client;

namespace LeadPlatform.IntegrationTests;

/// <summary>Qualification hosted alone on a real broker: duplicates, and a message that can never be handled.</summary>
public sealed class Qualification_over_RabbitMQ(RabbitMqFixture rabbit, ITestOutputHelper output) : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-qualification-").FullName;
    private readonly ConcurrentDictionary<Guid, int> _qualified = new();
    private IBusControl? _testBus;

    [Fact]
    public async Task The_same_request_delivered_twice_and_republished_yields_one_decision_and_one_event()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        await using var qualification = await StartQualificationAsync(uri);
        var bus = await StartTestBusAsync(uri);
        var request = SampleMessages.QuoteRequestSubmitted();
        var messageId = Guid.NewGuid();

        await bus.Publish(request, c => c.MessageId = messageId);
        await bus.Publish(request, c => c.MessageId = messageId);
        await bus.Publish(request);

        await Eventually.GetAsync(() => Task.FromResult(_qualified.GetValueOrDefault(request.QuoteRequestId)), n => n >= 1, what: "LeadQualified");
        // Let every delivery be handled before counting: a decision for a later probe message proves the queue moved past them.
        var probe = SampleMessages.QuoteRequestSubmitted();
        await bus.Publish(probe);
        await Eventually.GetAsync(() => Task.FromResult(_qualified.GetValueOrDefault(probe.QuoteRequestId)), n => n >= 1, what: "the probe's LeadQualified");

        var decisions = await qualification.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{request.LeadId}", TestContext.Current.CancellationToken);
        const string fault = "Fault 4 (qualification alone): QuoteRequestSubmitted x2 same MessageId + 1 new MessageId";
        FaultTable.Print(output, fault, "LeadQualified", [FaultTable.Count("one request, published three times", [request.QuoteRequestId], id => _qualified[id])]);
        FaultTable.Print(output, fault, "decisions", [FaultTable.Count("one request, published three times", [request.LeadId], _ => decisions!.Count)]);
        Assert.Equal(1, _qualified[request.QuoteRequestId]);
        Assert.Single(decisions!);
    }

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_with_its_reason_in_Seq_and_the_endpoint_keeps_consuming()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        await using var seq = await FakeSeq.StartAsync();
        await using var qualification = await StartQualificationAsync(uri, seq.Url);
        var bus = await StartTestBusAsync(uri);
        var errorsBefore = await ErrorQueueDepthAsync(uri);
        var poison = SampleMessages.QuoteRequestSubmitted() with { Person = null! };
        var poisonId = Guid.NewGuid();

        await bus.Publish(poison, c => c.MessageId = poisonId);
        var healthy = SampleMessages.QuoteRequestSubmitted();
        await bus.Publish(healthy);

        await Eventually.GetAsync(() => Task.FromResult(_qualified.GetValueOrDefault(healthy.QuoteRequestId)), n => n == 1, what: "the healthy request to be qualified");
        var errors = await Eventually.GetAsync(() => ErrorQueueDepthAsync(uri), n => n == errorsBefore + 1, what: "the poison message in qualification-qualify-quote-request_error");
        output.WriteLine($"qualification-qualify-quote-request_error holds {errors} message(s)");
        FaultTable.Print(output, "Fault 5: a poison message beside a healthy one", "LeadQualified of the healthy request (the endpoint kept consuming)",
            [FaultTable.Count("healthy request after the poison", [healthy.QuoteRequestId], id => _qualified.GetValueOrDefault(id))]);
        var why = await Eventually.GetAsync(() => Task.FromResult(seq.Events.Where(e =>
                e.ToJsonString().Contains(poisonId.ToString(), StringComparison.Ordinal)
                && FakeSeq.ValueOf(e["@x"])?.Contains(nameof(InvalidMessageException), StringComparison.Ordinal) == true).ToList()),
            events => events.Count > 0, TimeSpan.FromSeconds(20), "the fault with its exception in Seq");
        output.WriteLine(FakeSeq.ValueOf(why[0]["@mt"]) ?? "(no template)");
        Assert.Equal("Qualification", FakeSeq.ValueOf(why[0]["Service"]));
    }

    private async Task<RunningHost> StartQualificationAsync(string uri, string? seqUrl = null) =>
        await RunningHost.StartAsync(QualificationHost.Build,
        [
            "--Bus:Transport=RabbitMq", $"--Bus:RabbitMqUri={uri}", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={_folder}",
            "--Outbox:PollInterval=00:00:00.200",
            .. seqUrl is null ? Array.Empty<string>() : [$"--Seq:ServerUrl={seqUrl}", "--Seq:PeriodMs=100"],
        ]);

    private async Task<IBusControl> StartTestBusAsync(string uri)
    {
        _testBus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            BusExtensions.ConfigureHost(cfg, new Uri(uri));
            cfg.ReceiveEndpoint($"test-lead-qualified-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<LeadQualified>(context =>
                {
                    _qualified.AddOrUpdate(context.Message.QuoteRequestId, 1, (_, n) => n + 1);
                    return Task.CompletedTask;
                });
            });
        });
        await _testBus.StartAsync(TestContext.Current.CancellationToken);
        return _testBus;
    }

    private static async Task<uint> ErrorQueueDepthAsync(string uri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync("qualification-qualify-quote-request_error")).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet: nothing has faulted
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_testBus is not null) await _testBus.StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
