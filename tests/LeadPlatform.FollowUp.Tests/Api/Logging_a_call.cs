using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>
/// What happened on a call is logged with its outcome: a reached lead's task is closed, a callback becomes a task, and
/// a call made without a cleared script is recorded and flagged, never refused. A fixed clock inside calling hours.
/// </summary>
public sealed class Logging_a_call : IAsyncLifetime
{
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours(), "--FollowUp:Acknowledgements=false");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<QuoteRequestSubmitted> QualifiedAsync()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadQualified(lead.LeadId, lead.QuoteRequestId, "A"));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId), l => l!.Tasks.Count == 1, what: "the lead's task");
        return lead;
    }

    private async Task<JsonObject> ScriptAsync(Guid leadId)
    {
        using var response = await _host.SendAsync(leadId, "phone", "Ask how the pain has been since the last physical therapy session.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonArray> QueueAsync() => (await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/tasks"))!;

    [Fact]
    public async Task A_call_that_reached_the_lead_closes_the_open_task_so_it_never_goes_overdue()
    {
        var lead = await QualifiedAsync();
        var script = await ScriptAsync(lead.LeadId);
        using var confirmed = await _host.Http.PostAsJsonAsync((string)script["confirmReadUrl"]!, new { coordinator = "coordinator.ana" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        using var logged = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/calls", new
        {
            outcome = "reached", direction = "outbound", durationSeconds = 420, notes = "Talked about the MRI; she will send it.",
            scriptOutreachId = (string)script["outreachId"]!,
        });

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var call = (await logged.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("reached", (string?)call["outcome"]);
        Assert.Equal(420, (int)call["durationSeconds"]!);
        Assert.False((bool)call["flaggedForCompliance"]!);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.All(stored.Tasks, t => Assert.Equal(FollowUpTaskStatus.Done, t.Status));
        Assert.Null(stored.NextDueAt);
        Assert.DoesNotContain(await QueueAsync(), i => (Guid)i!["leadId"]! == lead.LeadId);
        Assert.Equal("contacted", stored.Status.Name());
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "call_logged" && e.Summary.Contains("reached", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_voicemail_leaves_the_task_open_and_a_callback_time_becomes_the_lead_s_next_task()
    {
        var lead = await QualifiedAsync();
        var script = await ScriptAsync(lead.LeadId);
        var callbackAt = OutreachHost.DuringCallingHours().GetUtcNow().AddDays(1);

        using var voicemail = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/calls", new
        {
            outcome = "voicemail", direction = "outbound", durationSeconds = 40, scriptOutreachId = (string)script["outreachId"]!, readAloud = false,
        });
        Assert.Equal(HttpStatusCode.Created, voicemail.StatusCode);
        Assert.Single((await _host.Leads.GetAsync(lead.LeadId))!.Tasks, t => t.Status == FollowUpTaskStatus.Open);

        using var callback = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/calls", new
        {
            outcome = "callback_requested", direction = "inbound", durationSeconds = 65, notes = "She called back; wants a call tomorrow.", callbackAt,
        });

        Assert.Equal(HttpStatusCode.Created, callback.StatusCode);
        var call = (await callback.Content.ReadFromJsonAsync<JsonObject>())!;
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        var open = Assert.Single(stored.Tasks, t => t.Status == FollowUpTaskStatus.Open);
        Assert.Equal((Guid)call["callbackTaskId"]!, open.Id);
        Assert.Equal("callback", open.Kind);
        Assert.Equal(callbackAt, open.DueAt, TimeSpan.FromSeconds(1));
        Assert.Equal(callbackAt, stored.NextDueAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await _host.Http.GetFromJsonAsync<JsonArray>($"/api/v1/leads/{lead.LeadId}/calls"))!.Count);
    }

    [Fact]
    public async Task An_outbound_call_logged_without_a_cleared_script_is_recorded_and_flagged_for_the_compliance_officer()
    {
        var lead = await QualifiedAsync();

        using var logged = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/calls", new
        {
            outcome = "reached", direction = "outbound", durationSeconds = 300, notes = "Called from my mobile.",
        });

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var call = (await logged.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)call["flaggedForCompliance"]!);
        Assert.Contains("script", (string)call["flagReason"]!, StringComparison.Ordinal);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Single(stored.Calls);
        Assert.Contains(stored.Timeline, e => e.Kind.Name() == "call_flagged");
        using var flagged = await _host.Http.GetAsync("/api/v1/calls/flagged");
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);
        Assert.Contains((await flagged.Content.ReadFromJsonAsync<JsonArray>())!, c => (Guid)c!["leadId"]! == lead.LeadId);
    }

    [Fact]
    public async Task A_call_with_an_unknown_outcome_or_a_callback_in_the_past_names_the_field()
    {
        var lead = await QualifiedAsync();

        using var bad = await _host.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/calls", new
        {
            outcome = "busy", direction = "sideways", durationSeconds = -1, callbackAt = OutreachHost.DuringCallingHours().GetUtcNow().AddHours(-1),
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("outcome"));
        Assert.True(errors.ContainsKey("direction"));
        Assert.True(errors.ContainsKey("durationSeconds"));
        Assert.True(errors.ContainsKey("callbackAt"));
        Assert.Empty((await _host.Leads.GetAsync(lead.LeadId))!.Calls);
    }

    [Fact]
    public async Task The_call_readiness_says_whether_a_call_is_allowed_now_with_the_number_and_the_lead_s_local_time()
    {
        var lead = await QualifiedAsync();

        var readiness = (await _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{lead.LeadId}/call-readiness"))!;

        Assert.Equal("tel:+14155550134", (string?)readiness["telUrl"]);
        Assert.True((bool)readiness["allowedNow"]!);
        Assert.Contains("America/Los_Angeles", readiness["timeZones"]!.AsArray().Select(z => (string?)z));
        Assert.False(string.IsNullOrEmpty((string?)readiness["leadLocalTime"]));
    }
}
