using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage.Outbox;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>A call is a script: the disclaimer is read aloud first and the coordinator confirms it. A fixed clock inside calling hours.</summary>
public sealed class Calling_a_lead : IAsyncLifetime
{
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours());

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_cleared_call_returns_the_script_with_the_read_aloud_disclaimer_and_counts_as_sent_once_confirmed()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);

        using var response = await _host.SendAsync(lead.LeadId, "phone", "Ask how the pain has been since the last physical therapy session.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("awaiting_read_confirmation", (string?)call["status"]);
        var disclaimer = call["readAloudDisclaimer"]!;
        Assert.Equal("evidence.spondylolysis.call-script", (string?)disclaimer["id"]);
        Assert.True((bool)disclaimer["readAloud"]!);
        var script = (string)call["script"]!;
        Assert.True(script.IndexOf((string)disclaimer["text"]!, StringComparison.Ordinal) < script.IndexOf("Ask how the pain", StringComparison.Ordinal),
            "the disclaimer comes before the talking points");
        var urn = MessageTypes.UrnOf(typeof(OutreachSent));
        Assert.DoesNotContain((await _host.Leads.GetAsync(lead.LeadId))!.Outbox, e => e.MessageUrn == urn);

        using var confirmed = await _host.Http.PostAsJsonAsync((string)call["confirmReadUrl"]!, new { coordinator = "coordinator.ana" });
        using var again = await _host.Http.PostAsJsonAsync((string)call["confirmReadUrl"]!, new { coordinator = "coordinator.ana" });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var outreach = (await confirmed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("sent", (string?)outreach["status"]);
        // An API token is recorded as itself, with the name it says it acts for beside it.
        Assert.Equal("api:tests as 'coordinator.ana'", (string?)outreach["readConfirmedBy"]);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        Assert.Single(stored.Outbox, e => e.MessageUrn == urn);
        Assert.Single(stored.Timeline, e => e.Kind.Name() == "outreach_sent" && e.Details["readAloudConfirmedBy"] == "api:tests as 'coordinator.ana'");
        Assert.Empty(_host.OutboxFiles("email"));
        Assert.Empty(_host.OutboxFiles("sms"));
    }

    [Fact]
    public async Task Confirming_a_call_needs_the_coordinator_s_name()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        using var response = await _host.SendAsync(lead.LeadId, "phone", "Ask about the symptoms.");
        var call = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        using var anonymous = await _host.Http.PostAsJsonAsync((string)call["confirmReadUrl"]!, new { coordinator = " " });

        Assert.Equal(HttpStatusCode.BadRequest, anonymous.StatusCode);
        Assert.True((await anonymous.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("coordinator"));
    }
}
