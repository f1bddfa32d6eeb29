using System.Net;
using LeadPlatform.TestSupport;

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
            accepted.Add((await IntakeServer.QuoteRequestIdOf(response)));
        }

        // Nobody listens yet: every publish so far was returned, none marked sent.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Equal(3, (await server.Store.FindPendingOutboxAsync(10, TestContext.Current.CancellationToken)).Count);

        using var downstream = await Downstream.StartAsync(uri, "intake-late-consumer");
        await Eventually.GetAsync(() => Task.FromResult(downstream.Distinct), n => n >= accepted.Count, TimeSpan.FromSeconds(60), "the events to arrive");
        await Eventually.GetAsync(() => server.Store.FindPendingOutboxAsync(1, CancellationToken.None), p => p.Count == 0, TimeSpan.FromSeconds(30), "the outbox to drain");

        Assert.Equal(accepted.Order(), downstream.QuoteRequestIds.Order());
        Assert.Equal(accepted.Count, downstream.Deliveries);
    }
}
