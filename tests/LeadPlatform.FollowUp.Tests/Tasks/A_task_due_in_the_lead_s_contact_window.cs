using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Tasks;

/// <summary>
/// A task's due time over real HTTP (the follow-up host, in-process bus, a fixed clock): the tier's SLA, then the start of
/// the lead's next contact window when the SLA falls outside it. The lead lives in San Francisco (ZIP 94110, +1 415);
/// the clock is 23:30 there (computed in America/Los_Angeles, so the test holds in winter and summer time).
/// </summary>
public sealed class A_task_due_in_the_lead_s_contact_window : IAsyncLifetime
{
    private static readonly TimeZoneInfo SanFrancisco = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
    private readonly FakeTimeProvider _time = new(Local(Day, new TimeOnly(23, 30)));
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(_time, "--FollowUp:Escalation:Enabled=false");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, SanFrancisco.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<JsonObject> TaskOfAsync(Func<QuoteRequestSubmitted, QuoteRequestSubmitted> change)
    {
        var submitted = await _host.SubmittedAsync(s => change(s with { OccurredAt = _time.GetUtcNow() }));
        var mediator = _host.Host.App.Services.GetRequiredService<IMediator>();
        await mediator.Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId, "A") with { OccurredAt = _time.GetUtcNow() },
            TestContext.Current.CancellationToken);
        return await Eventually.GetAsync(async () =>
                (await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/tasks?limit=500"))!.Select(t => t!.AsObject()).FirstOrDefault(t => (Guid?)t["leadId"] == submitted.LeadId),
            t => t is not null, what: "the lead's task") ?? throw new InvalidOperationException("no task");
    }

    [Fact]
    public async Task A_tier_A_lead_arriving_at_23_30_their_time_is_due_when_their_contact_window_opens_at_8()
    {
        var task = await TaskOfAsync(s => s);

        var due = (DateTimeOffset)task["dueAt"]!;
        // Not 23:45 (the SLA's 15 minutes): the next start of 08:00-21:00 (TCPA) in the lead's time.
        Assert.Equal(Local(Day.AddDays(1), new TimeOnly(8, 0)), due);
        Assert.False((bool)task["overdue"]!);
    }

    [Fact]
    public async Task A_lead_whose_location_is_unknown_keeps_the_tier_s_SLA_due_time()
    {
        var task = await TaskOfAsync(s => s with { Person = s.Person with { Country = "", PostalCode = null, Phone = null } });

        Assert.Equal(_time.GetUtcNow().AddMinutes(15), (DateTimeOffset)task["dueAt"]!, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_tier_A_lead_inside_their_window_is_due_by_the_SLA_alone()
    {
        _time.SetUtcNow(Local(Day.AddDays(1), new TimeOnly(12, 0)));

        var task = await TaskOfAsync(s => s);

        Assert.Equal(Local(Day.AddDays(1), new TimeOnly(12, 15)), (DateTimeOffset)task["dueAt"]!, TimeSpan.FromMilliseconds(1));
    }
}
