using System.Net;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// On a real RabbitMQ with intake running alone (started before qualification and follow-up ever ran): RabbitMQ routes a
/// message only to the queues bound at that moment, so intake declares the platform's queues (PlatformTopology) before its
/// outbox publishes. The events wait in qualification's own queue and arrive, each once, when qualification starts.
/// (This test pinned the earlier behaviour, events returned unrouted and kept in intake's outbox until a queue existed;
/// the queues now exist from intake's first start, so nothing is returned and nothing waits in the outbox.)
/// </summary>
public sealed class Publishing_before_anyone_listens(RabbitMqFixture rabbit)
{
    [Fact]
    public async Task Requests_accepted_while_intake_runs_alone_wait_in_qualification_s_queue_and_arrive_once_when_it_starts()
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

        // Nobody listens yet, and still the broker took every event: into the queue declared for qualification.
        await Eventually.GetAsync(() => server.Store.FindPendingOutboxAsync(10, CancellationToken.None), p => p.Count == 0, TimeSpan.FromSeconds(30), "the outbox to hand every event to the broker");

        using var qualification = await Downstream.StartAsync(uri, "qualification-qualify-quote-request", exactQueue: true);
        await Eventually.GetAsync(() => Task.FromResult(qualification.Distinct), n => n >= accepted.Count, TimeSpan.FromSeconds(60), "the events to arrive");

        Assert.Equal(accepted.Order(), qualification.QuoteRequestIds.Order());
        Assert.Equal(accepted.Count, qualification.Deliveries);
    }
}
