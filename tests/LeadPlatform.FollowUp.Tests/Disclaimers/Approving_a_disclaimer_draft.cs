using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Disclaimers;

/// <summary>
/// The Spanish and Portuguese disclaimers ship as drafts: attached meanwhile and marked <c>draft</c>. A compliance
/// officer approves a version from the disclaimer matrix page; from the next message on it is attached as approved,
/// without a restart, and the approval names who, when, the version and the SHA-256 of its text. Coordinators cannot approve.
/// </summary>
public sealed class Approving_a_disclaimer_draft : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private DashboardSession _carl = null!;
    private DashboardSession _ana = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(null, AdminEmail, Password);
        _carl = await _host.StaffAsync("carl@clinic.example", "Carl", Password, Roles.ComplianceOfficer);
        _ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        _carl.Dispose();
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    private string SpanishEmailDisclaimer() =>
        _host.Host.App.Services.GetRequiredService<ComplianceGate>().Disclaimers
            .Matrix(["spondylolysis"], ["es"]).Single(c => c.Channel == OutreachChannel.Email).IdAtVersion!;

    private async Task<JsonObject> SendSpanishEmailAsync(Guid leadId)
    {
        using var response = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach",
            new { channel = "email", subject = "Su consulta", body = "Hola María, gracias por su consulta. ¿Cuándo le viene bien hablar?", language = "es" }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task A_draft_is_attached_marked_draft_until_an_officer_approves_it_from_the_matrix_and_then_it_is_attached_as_approved()
    {
        var disclaimer = SpanishEmailDisclaimer();
        var lead = await _host.SubmittedAsync(m => m with { Person = m.Person with { Language = "es" } });

        var before = await SendSpanishEmailAsync(lead.LeadId);
        var attached = before["disclaimers"]!.AsArray().Single()!;
        Assert.Equal(disclaimer, $"{attached["id"]}@{attached["version"]}");
        Assert.Equal("draft", (string?)attached["status"]);
        var page = await _carl.Http.GetStringAsync("/dashboard/disclaimers", Ct);
        Assert.Contains($"value=\"{disclaimer}\"", page, StringComparison.Ordinal); // its Approve button

        using (var approve = await _carl.PostFormAsync("/dashboard/disclaimers/approve", new() { ["disclaimer"] = disclaimer }, "/dashboard/disclaimers"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        var after = await SendSpanishEmailAsync(lead.LeadId);
        Assert.Equal("approved", (string?)after["disclaimers"]!.AsArray().Single()!["status"]);
        var approvals = (await _carl.Http.GetFromJsonAsync<JsonArray>("/api/v1/disclaimers/approvals", Ct))!;
        var recorded = approvals.Single(a => (string?)a!["disclaimer"] == disclaimer)!;
        Assert.Equal("Carl", (string?)recorded["approvedBy"]); // the officer by name, as templates and reviews name them
        Assert.Equal(64, ((string)recorded["textHash"]!).Length);
        page = await _carl.Http.GetStringAsync("/dashboard/disclaimers", Ct);
        Assert.Contains("by Carl,", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{disclaimer}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_cannot_approve_and_an_unknown_version_is_refused_naming_the_field()
    {
        using (var coordinator = await _ana.Http.PostAsJsonAsync("/api/v1/disclaimers/approvals", new { disclaimer = SpanishEmailDisclaimer() }, Ct))
            Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);

        using var unknown = await _carl.Http.PostAsJsonAsync("/api/v1/disclaimers/approvals", new { disclaimer = "no-such-disclaimer@9" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = (await unknown.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Contains("no-such-disclaimer@9", (string)problem["errors"]!["disclaimer"]![0]!, StringComparison.Ordinal);

        using var approved = await _carl.Http.PostAsJsonAsync("/api/v1/disclaimers/approvals", new { disclaimer = SpanishEmailDisclaimer() }, Ct);
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        using var again = await _carl.Http.PostAsJsonAsync("/api/v1/disclaimers/approvals", new { disclaimer = SpanishEmailDisclaimer() }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // approved once: the first approval stays on record
    }
}
