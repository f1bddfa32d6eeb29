using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Reviews;

/// <summary>
/// The review tests' set-up: follow-up on a clock inside calling hours, a coordinator (Ana) who drafts and a compliance
/// officer (Carl) who decides, both signed in; <see cref="HeldAsync"/> posts a draft the screen holds for review.
/// </summary>
internal sealed class ReviewDesk : IAsyncDisposable
{
    public const string AdminEmail = "admin@clinic.example";
    public const string OfficerEmail = "carl@clinic.example";
    public const string Password = "correct horse battery staple";
    /// <summary>Fear-based urgency: the screen cannot decide it and holds it for review.</summary>
    public const string Urgent = "Hello Maria, please book your consultation before it is too late for your spine.";

    private ReviewDesk(FakeTimeProvider time, OutreachHost host, DashboardSession coordinator, DashboardSession officer)
        => (Time, Host, Coordinator, Officer) = (time, host, coordinator, officer);

    public FakeTimeProvider Time { get; }
    public OutreachHost Host { get; }
    public DashboardSession Coordinator { get; }
    public DashboardSession Officer { get; }

    public static async Task<ReviewDesk> StartAsync()
    {
        var time = OutreachHost.DuringCallingHours();
        var host = await OutreachHost.StartWithAdminAsync(time, AdminEmail, Password);
        var coordinator = await host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
        var officer = await host.StaffAsync(OfficerEmail, "Carl", Password, Roles.ComplianceOfficer);
        return new ReviewDesk(time, host, coordinator, officer);
    }

    /// <summary>A new lead, and the coordinator's draft to it answered 202 as held; the answer's JSON.</summary>
    public async Task<(Guid LeadId, JsonObject Held)> HeldAsync(string body = Urgent, string channel = "email")
    {
        var lead = await Host.SubmittedAsync(channel == "sms" ? OutreachHost.WithSmsAndPhoneConsent : null);
        using var response = await Coordinator.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach",
            new { channel, subject = channel == "email" ? "Your consultation" : null, body });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (lead.LeadId, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public async ValueTask DisposeAsync()
    {
        Officer.Dispose();
        Coordinator.Dispose();
        await Host.DisposeAsync();
    }
}
