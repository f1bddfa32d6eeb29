using System.Collections.Concurrent;
using System.Net;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>Intake over a real RabbitMQ node that goes down in the middle of a burst, counted by a consumer on the same broker.</summary>
[Collection(BrokerFaults.Name)]
public sealed class Riding_out_a_broker_outage(RabbitMqFixture rabbit, ITestOutputHelper output)
{
    private const int AfterStop = 20;
    private const int MaxBeforeStop = 200;

    [Fact]
    public async Task Requests_posted_while_RabbitMQ_is_down_are_published_once_it_returns_none_lost_and_none_twice()
    {
        var uri = rabbit.RequireUri();
        if (rabbit.LocalNode is not { } node)
        {
            Assert.Skip($"This test stops and restarts the broker, which only the fixture's private node allows (RabbitMQ came from {rabbit.Source}).");
            return;
        }
        using var downstream = await Downstream.StartAsync(uri, "intake-outage-test");
        await using var server = await IntakeServer.StartAsync(
            "--Bus:Transport=RabbitMq", $"--Bus:RabbitMqUri={uri}",
            "--Outbox:RetryDelay=00:00:00.100", "--Outbox:MaxBackoff=00:00:01", "--Outbox:PublishTimeout=00:00:03");

        // The burst: posts one after another on four connections, on and on while the broker is being stopped, then
        // AfterStop more while it is down.
        var accepted = new ConcurrentBag<Guid>();
        var stopped = new TaskCompletionSource();
        var remainingAfterStop = AfterStop;
        async Task PostAsync()
        {
            using var response = await server.PostJsonAsync(SampleQuoteRequest.Create(phone: null));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted.Add((await IntakeServer.QuoteRequestIdOf(response)));
        }
        var burst = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stopped.Task.IsCompleted && accepted.Count < MaxBeforeStop) await PostAsync();
            await stopped.Task;
            while (Interlocked.Decrement(ref remainingAfterStop) >= 0) await PostAsync();
        })).ToList();
        while (accepted.Count < 10) await Task.Delay(10);
        await node.StopAppAsync();
        var acceptedBeforeStop = accepted.Count;
        stopped.SetResult();
        await Task.WhenAll(burst);
        var arrivedWhileDown = downstream.Distinct;
        await node.StartAppAsync();

        var total = accepted.Count;
        try
        {
            await Eventually.GetAsync(() => Task.FromResult(downstream.Distinct), n => n >= total, TimeSpan.FromSeconds(120), "every request to arrive downstream");
        }
        catch (TimeoutException)
        {
            // Where the missing ones are: still in intake's outbox (not published), or published and not delivered.
            var pending = await server.Store.FindPendingOutboxAsync(1000, CancellationToken.None);
            output.WriteLine($"{total} accepted, {acceptedBeforeStop} before the stop; {downstream.Distinct} arrived downstream; {pending.Count} still pending in intake's outbox");
            throw;
        }
        await Eventually.GetAsync(() => server.Store.FindPendingOutboxAsync(1, CancellationToken.None), p => p.Count == 0, TimeSpan.FromSeconds(30), "the outbox to drain");
        output.WriteLine($"{total} requests accepted, {acceptedBeforeStop} of them before the broker had stopped and {total - acceptedBeforeStop} while it was down; " +
                         $"{arrivedWhileDown} had arrived downstream before it came back; {downstream.Distinct} distinct events downstream, {downstream.Deliveries} deliveries");

        Assert.Equal(total, accepted.Distinct().Count());
        Assert.Equal(total, await server.CountAsync());
        Assert.Equal(accepted.Order(), downstream.QuoteRequestIds.Order());
        // One event per request: a redelivery of the same message is allowed (consumers are idempotent); a second event is not.
        Assert.All(downstream.MessageIdsPerRequest, ids => Assert.Single(ids.Value.Distinct()));
        Assert.True(arrivedWhileDown <= total - AfterStop, "what was posted while the broker was down cannot have been delivered before it came back");
    }
}
