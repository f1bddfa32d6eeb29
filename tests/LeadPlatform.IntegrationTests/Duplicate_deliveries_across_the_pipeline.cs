using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.TestSupport;
using MassTransit;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// Fault 4 of issue 7 across the whole pipeline: the events of real submissions published again on purpose, twice with
/// their own MessageId (a redelivery) and once with a new MessageId (a republish of the same business event), counted
/// downstream: one qualification decision, one LeadQualified from qualification, one task, one acknowledgement, one email.
/// </summary>
public sealed class Duplicate_deliveries_across_the_pipeline(RabbitMqFixture rabbit, ITestOutputHelper output) : IAsyncDisposable
{
    private const int PerGroup = 4;
    private const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";
    private readonly ConcurrentDictionary<Guid, (QuoteRequestSubmitted Message, Guid MessageId)> _submitted = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentBag<(LeadQualified Message, Guid MessageId)>> _qualified = new();
    private IBusControl? _bus;

    [Fact]
    public async Task QuoteRequestSubmitted_and_LeadQualified_delivered_twice_and_republished_end_as_one_decision_one_task_and_one_acknowledgement()
    {
        var uri = await rabbit.NewVirtualHostAsync();
        await using var services = await DistributedServices.StartAsync(uri, null, $"--FollowUp:ClinicPostalAddress={ClinicAddress}");
        var bus = await StartTestBusAsync(uri);
        var followUp = FollowUpApi.Authorize(services.FollowUp.Http);

        var groups = new List<(string Phase, List<(Guid LeadId, string Email)> Leads, bool Submitted, bool Qualified)>
        {
            ("QuoteRequestSubmitted x2 + new MessageId", [], true, false),
            ("LeadQualified x2 + new MessageId", [], false, true),
            ("both", [], true, true),
        };
        foreach (var group in groups)
            for (var i = 0; i < PerGroup; i++)
                group.Leads.Add(await services.SubmitWithEmailAsync(SampleQuoteRequest.Create(phone: null)));
        var all = groups.SelectMany(g => g.Leads).ToList();
        // Each journey done once (task and acknowledgement), and the test bus holds each lead's two events as published.
        await FollowUpApi.CountWhenSettledAsync(followUp, all.Select(l => l.LeadId), TimeSpan.FromSeconds(60));
        await Eventually.GetAsync(() => Task.FromResult(all.Count(l => _submitted.ContainsKey(l.LeadId) && _qualified.ContainsKey(l.LeadId))),
            n => n == all.Count, what: "the test bus to hold every lead's QuoteRequestSubmitted and LeadQualified");

        var republishedIds = new HashSet<Guid>();
        foreach (var group in groups)
        {
            foreach (var (leadId, _) in group.Leads)
            {
                if (group.Submitted)
                {
                    var (message, messageId) = _submitted[leadId];
                    republishedIds.Add(await PublishThriceAsync(bus, message, messageId));
                }
                if (group.Qualified)
                {
                    var (message, messageId) = _qualified[leadId].First();
                    republishedIds.Add(await PublishThriceAsync(bus, message, messageId));
                }
            }
        }
        // A probe journey started after the duplicates: once it is done, follow-up has had their turn too.
        var probe = await services.SubmitWithEmailAsync(SampleQuoteRequest.Create(phone: null));
        await FollowUpApi.CountWhenSettledAsync(followUp, [probe.LeadId], TimeSpan.FromSeconds(60));
        var final = await FollowUpApi.CountWhenSettledAsync(followUp, all.Select(l => l.LeadId), TimeSpan.FromSeconds(30));
        var decisions = new Dictionary<Guid, int>();
        foreach (var (leadId, _) in all) decisions[leadId] = await DecisionsAsync(services.Qualification, leadId);
        var fromQualification = all.ToDictionary(l => l.LeadId,
            l => _qualified[l.LeadId].Select(q => q.MessageId).Where(id => !republishedIds.Contains(id)).Distinct().Count());
        var emailFolder = Path.Combine(services.DataRoot, "followup");
        // The duplicates did travel: the test bus, subscribed like any service, got the three extra copies of each.
        await Eventually.GetAsync(() => Task.FromResult(groups.Where(g => g.Qualified).SelectMany(g => g.Leads).Min(l => _qualified[l.LeadId].Count)),
            n => n == 4, what: "each republished LeadQualified to arrive (1 + 3 copies)");

        const string fault = "Fault 4: events delivered twice (same MessageId) and republished (new MessageId)";
        foreach (var (counted, count) in new (string, Func<(Guid LeadId, string Email), int>)[]
                 {
                     ("qualification decisions", l => decisions[l.LeadId]),
                     ("LeadQualified published by qualification", l => fromQualification[l.LeadId]),
                     ("follow-up tasks", l => final[l.LeadId].Tasks),
                     ("acknowledgements on the lead", l => final[l.LeadId].Acknowledgements),
                     ("acknowledgement emails in the mailbox", l => FollowUpApi.EmailsTo(emailFolder, l.Email)),
                 })
        {
            var rows = groups.Select(g => FaultTable.Count(g.Phase, g.Leads.Select(l => l.LeadId).ToList(),
                lead => count(g.Leads.Single(l => l.LeadId == lead)))).ToList();
            FaultTable.Print(output, fault, counted, rows);
            FaultTable.AssertExactlyOnce(rows);
        }
    }

    /// <summary>Twice as published (same MessageId), then once more as a new message; returns the new MessageId.</summary>
    private static async Task<Guid> PublishThriceAsync<T>(IBus bus, T message, Guid messageId) where T : class
    {
        var newId = NewId.NextGuid();
        foreach (var id in new[] { messageId, messageId, newId })
            await bus.Publish(message, c => c.MessageId = id, TestContext.Current.CancellationToken);
        return newId;
    }

    private static async Task<int> DecisionsAsync(RunningHost qualification, Guid leadId)
    {
        using var response = await qualification.Http.GetAsync($"/api/v1/qualifications/{leadId}");
        return response.StatusCode == HttpStatusCode.NotFound ? 0 : (await response.Content.ReadFromJsonAsync<JsonArray>())!.Count;
    }

    private async Task<IBusControl> StartTestBusAsync(string uri)
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            BusExtensions.ConfigureHost(cfg, new Uri(uri));
            cfg.ReceiveEndpoint($"test-journey-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<QuoteRequestSubmitted>(c =>
                {
                    _submitted.TryAdd(c.Message.LeadId, (c.Message, c.MessageId!.Value));
                    return Task.CompletedTask;
                });
                e.Handler<LeadQualified>(c =>
                {
                    _qualified.GetOrAdd(c.Message.LeadId, _ => []).Add((c.Message, c.MessageId!.Value));
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(TestContext.Current.CancellationToken);
        return _bus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
    }
}
