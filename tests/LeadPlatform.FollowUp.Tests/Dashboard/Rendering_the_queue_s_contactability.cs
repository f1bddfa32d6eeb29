using System.Diagnostics.Metrics;
using System.Net;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// The queue's contactability is worked out per row on every render, and the page's script renders the rows again every
/// 3 s: each lead's compliance facts and time zones are worked out once per row (they were once per channel, three times),
/// and the gate runs once per channel. Counted through the service's own meter (never a timed assertion). Real HTTP.
/// </summary>
public sealed class Rendering_the_queue_s_contactability : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const int Leads = 4;
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours());
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana Ruiz", Password, [Roles.Coordinator]);
        _ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Works_out_each_row_s_lead_facts_once_and_asks_the_gate_once_per_channel()
    {
        for (var i = 0; i < Leads; i++)
        {
            var submitted = await _host.SubmittedAsync();
            await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId, "B"));
            await Eventually.GetAsync(() => _host.Leads.GetAsync(submitted.LeadId), l => l?.Tasks.Count == 1, what: "the follow-up task");
        }

        using var counts = new ContactabilityCounts(_host.Host.App.Services.GetRequiredService<IMeterFactory>());
        using (var rows = await _ana.Http.GetAsync("/dashboard/queue/rows?scope=all"))
        {
            Assert.Equal(HttpStatusCode.OK, rows.StatusCode);
            Assert.Equal(Leads.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Headers.GetValues("X-Total-Count").Single());
        }
        Assert.Equal((Leads, 3 * Leads), counts.Take()); // one refresh of the rows: once per row, the gate per channel

        Assert.Contains("Can contact now", await _ana.Http.GetStringAsync("/dashboard?scope=all"), StringComparison.Ordinal);
        Assert.Equal((Leads, 3 * Leads), counts.Take()); // the page: the same for its rows

        using var lead = await _ana.Http.GetAsync($"/dashboard/leads/{(await _host.Leads.FindWithOpenTasksAsync(1, CancellationToken.None))[0].Id}");
        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Equal((1, 3), counts.Take()); // the lead page: one lead, three channels
    }

    /// <summary>The contactability counters of this host's meter (not another test's host), taken and reset.</summary>
    private sealed class ContactabilityCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _facts;
        private long _checks;

        public ContactabilityCounts(IMeterFactory meters)
        {
            var meter = meters.Create(Calls.Contactability.MeterName); // the factory gives this host's instance again
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                if (instrument.Name == Calls.Contactability.LeadFactsWorkedOut) Interlocked.Add(ref _facts, value);
                else if (instrument.Name == Calls.Contactability.GateChecks) Interlocked.Add(ref _checks, value);
            });
            _listener.Start();
        }

        public (long Facts, long Checks) Take() => (Interlocked.Exchange(ref _facts, 0), Interlocked.Exchange(ref _checks, 0));

        public void Dispose() => _listener.Dispose();
    }
}
