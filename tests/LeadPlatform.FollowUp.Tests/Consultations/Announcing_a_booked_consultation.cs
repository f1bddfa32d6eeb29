using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.FollowUp.Webhooks;
using LeadPlatform.TestSupport;

namespace LeadPlatform.FollowUp.Tests.Consultations;

/// <summary>A booked consultation raises <c>lead.consultation_booked</c> for the clinic's own tools: once per booking, ids and the time only.</summary>
public sealed class Announcing_a_booked_consultation : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private OutreachHost _host = null!;
    private DashboardSession _admin = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(null, AdminEmail, Password, "--FollowUp:Acknowledgements=false",
            "--FollowUp:Webhooks:AllowLocalTargetsForTests=true", "--FollowUp:Webhooks:PollInterval=00:00:00.100");
        _admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
        _ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Booking_through_the_api_sends_the_consultation_booked_webhook_with_ids_and_no_person()
    {
        await using var receiver = await Webhooks.WebhookReceiver.StartAsync();
        using (var subscribed = await _admin.Http.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), events = new[] { WebhookEvents.ConsultationBooked } }, Ct))
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var lead = await _host.SubmittedAsync();

        using var booked = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/consultation",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 30, location = "Clinic", sendConfirmation = false }, Ct);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var consultationId = (Guid)(await booked.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!;

        await Eventually.GetAsync(() => Task.FromResult(receiver.Received.Count), n => n >= 1, TimeSpan.FromSeconds(30), "the webhook");
        var payload = JsonNode.Parse(Assert.Single(receiver.Received).Body)!.AsObject();
        Assert.Equal(WebhookEvents.ConsultationBooked, (string?)payload["event"]);
        Assert.Equal(lead.LeadId, (Guid)payload["leadId"]!);
        Assert.Equal(consultationId, (Guid)payload["data"]!["consultationId"]!);
        Assert.DoesNotContain("maria", payload.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
