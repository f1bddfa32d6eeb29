using System.Collections.Concurrent;
using LeadPlatform.Contracts;
using LeadPlatform.TestSupport;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Publish/subscribe over a real RabbitMQ: every consumer that a service registers for an event gets its own copy of
/// that event. Two services' consumers with the same name once shared one queue (<c>lead-erasure-requested</c>) and took
/// turns, so an erasure reached intake or qualification but never both (issue 14).
/// </summary>
public sealed class Delivering_every_event_to_every_subscriber(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_consumer_of_each_service_receives_every_event_it_subscribes_to()
    {
        await using var services = await DistributedServices.StartAsync(await rabbit.NewVirtualHostAsync());
        var hosts = new[] { ("Intake", services.Intake), ("Qualification", services.Qualification), ("FollowUp", services.FollowUp) };

        // What each service registers, as its bus knows it: consumer, and each message type it consumes.
        var expected = new List<(string Service, Type Consumer, Type Message)>();
        var seen = new ConcurrentDictionary<(string Service, string Consumer, Guid MessageId), int>();
        foreach (var (service, host) in hosts)
        {
            var consumers = host.App.Services.GetServices<IConsumerRegistration>().Select(r => r.Type).ToList();
            Assert.NotEmpty(consumers);
            foreach (var consumer in consumers)
                foreach (var message in consumer.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
                    expected.Add((service, consumer, message.GetGenericArguments()[0]));
            host.App.Services.GetRequiredService<IBus>().ConnectReceiveObserver(new Recorder(service, seen));
        }
        output.WriteLine(string.Join("\n", expected.Select(e => $"{e.Service}: {e.Consumer.Name} <- {e.Message.Name}")));
        Assert.Contains(expected, e => e.Service == "Intake" && e.Message == typeof(LeadErasureRequested));
        Assert.Contains(expected, e => e.Service == "Qualification" && e.Message == typeof(LeadErasureRequested));

        // One event of each type, published once; each must reach every one of its subscribers.
        var publisher = services.Intake.App.Services.GetRequiredService<IBus>();
        var messageIds = new Dictionary<Type, Guid>();
        foreach (var type in expected.Select(e => e.Message).Distinct())
        {
            var id = NewId.NextGuid();
            messageIds[type] = id;
            await publisher.Publish(SampleOf(type), type, Pipe.Execute<PublishContext>(c => c.MessageId = id), TestContext.Current.CancellationToken);
        }

        bool Received((string Service, Type Consumer, Type Message) e) =>
            seen.Keys.Any(k => k.Service == e.Service && k.MessageId == messageIds[e.Message] && k.Consumer.EndsWith(e.Consumer.FullName!, StringComparison.Ordinal));
        await Eventually.GetAsync(() => Task.FromResult(expected.Count(Received)), n => n == expected.Count, TimeSpan.FromSeconds(30),
            "every subscriber's copy");
        await Task.Delay(1000); // and no subscriber's copy went to another
        foreach (var e in expected) output.WriteLine($"{e.Service} {e.Consumer.Name} {e.Message.Name}: {(Received(e) ? "received" : "MISSING")}");
        Assert.All(expected, e => Assert.True(Received(e), $"{e.Service}'s {e.Consumer.Name} did not receive its {e.Message.Name}"));
    }

    private static object SampleOf(Type type)
    {
        var leadId = Guid.CreateVersion7();
        var quoteRequestId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        if (type == typeof(QuoteRequestSubmitted)) return SampleMessages.QuoteRequestSubmitted(leadId);
        if (type == typeof(LeadQualified)) return SampleMessages.LeadQualified(leadId, quoteRequestId);
        if (type == typeof(LeadDisqualified)) return SampleMessages.LeadDisqualified(leadId, quoteRequestId);
        if (type == typeof(LeadOptedOut)) return new LeadOptedOut { LeadId = leadId, OccurredAt = now, Channel = "sms", Source = "coordinator" };
        if (type == typeof(LeadErasureRequested)) return new LeadErasureRequested { LeadId = leadId, OccurredAt = now, ErasureId = Guid.CreateVersion7() };
        if (type == typeof(LeadDataErased)) return new LeadDataErased { LeadId = leadId, OccurredAt = now, ErasureId = Guid.CreateVersion7(), Service = "Test" };
        if (type == typeof(FollowUpTaskCreated))
            return new FollowUpTaskCreated { LeadId = leadId, TaskId = Guid.CreateVersion7(), QuoteRequestId = quoteRequestId, OccurredAt = now, Tier = "A", DueAt = now.AddHours(1) };
        if (type == typeof(OutreachSent))
            return new OutreachSent { LeadId = leadId, OutreachId = Guid.CreateVersion7(), OccurredAt = now, Channel = "email", MessageHash = new string('0', 64), DisclaimerVersions = ["disclaimer@1"], EvidenceId = Guid.CreateVersion7() };
        if (type == typeof(LeadsMerged))
            return new LeadsMerged { SurvivingLeadId = leadId, MergedLeadId = Guid.CreateVersion7(), OccurredAt = now, MergedBy = "coordinator:test" };
        if (type == typeof(LeadsUnmerged))
            return new LeadsUnmerged { SurvivingLeadId = Guid.CreateVersion7(), RestoredLeadId = leadId, QuoteRequestIds = [quoteRequestId], OccurredAt = now, UnmergedBy = "coordinator:test" };
        throw new InvalidOperationException($"A consumer subscribes to {type.Name}: add a sample of it here, so its delivery is tested too.");
    }

    /// <summary>Which consumer of which service got which message (handled or not: delivered is what counts here).</summary>
    private sealed class Recorder(string service, ConcurrentDictionary<(string Service, string Consumer, Guid MessageId), int> seen) : IReceiveObserver
    {
        public Task PreReceive(ReceiveContext context) => Task.CompletedTask;
        public Task PostReceive(ReceiveContext context) => Task.CompletedTask;
        public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Record(context, consumerType);

        public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
            Record(context, consumerType);

        private Task Record(ConsumeContext context, string consumerType)
        {
            if (context.MessageId is { } id) seen.AddOrUpdate((service, consumerType, id), 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
