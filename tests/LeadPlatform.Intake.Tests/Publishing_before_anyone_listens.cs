using System.Collections.Concurrent;
using System.Net;
using LeadPlatform.Contracts;
using LeadPlatform.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// On a real RabbitMQ with no queue bound yet (intake started before qualification, or the broker stopping its queues),
/// RabbitMQ would confirm and drop every event. Intake's events are published mandatory: they come back, stay in the
/// outbox, and arrive once a consumer's queue exists.
/// </summary>
public sealed class Publishing_before_anyone_listens(RabbitMqFixture rabbit)
{
    [Fact]
    public async Task Requests_accepted_while_no_queue_takes_their_events_wait_in_the_outbox_and_arrive_once_when_one_does()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        await using var server = await IntakeServer.StartAsync(
            "--Bus:Transport=RabbitMq", $"--Bus:RabbitMqUri={uri}", "--Outbox:RetryDelay=00:00:00.100", "--Outbox:MaxBackoff=00:00:01");
        var accepted = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.PostJsonAsync(SampleQuoteRequest.Create(phone: null));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted.Add((await IntakeServer.IdsOf(response)).QuoteRequestId);
        }

        // Nobody listens yet: every publish so far was returned, none marked sent.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Equal(3, (await server.Store.FindPendingOutboxAsync(10, TestContext.Current.CancellationToken)).Count);

        var arrived = new ConcurrentDictionary<Guid, int>();
        using var consumer = await StartConsumerAsync(uri, arrived);
        await Eventually.GetAsync(() => Task.FromResult(arrived.Count), n => n >= accepted.Count, TimeSpan.FromSeconds(60), "the events to arrive");
        await Eventually.GetAsync(() => server.Store.FindPendingOutboxAsync(1, CancellationToken.None), p => p.Count == 0, TimeSpan.FromSeconds(30), "the outbox to drain");

        Assert.Equal(accepted.Order(), arrived.Keys.Order());
        Assert.All(arrived.Values, deliveries => Assert.Equal(1, deliveries));
    }

    private static async Task<IHost> StartConsumerAsync(string uri, ConcurrentDictionary<Guid, int> arrived)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(arrived);
        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<Arrivals>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(uri));
                cfg.ReceiveEndpoint($"intake-late-consumer-{Guid.NewGuid():N}", e => e.ConfigureConsumer<Arrivals>(context));
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private sealed class Arrivals(ConcurrentDictionary<Guid, int> arrived) : IConsumer<QuoteRequestSubmitted>
    {
        public Task Consume(ConsumeContext<QuoteRequestSubmitted> context)
        {
            arrived.AddOrUpdate(context.Message.QuoteRequestId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
