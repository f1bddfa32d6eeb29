using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Officer;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Officer;

/// <summary>
/// From the lead page, a compliance officer exports a person's data (a JSON file from the same exporters as the
/// operator-key API) and erases it (the erasure every service honours); each is recorded with who asked; a
/// coordinator cannot; an erasure needs its confirmation ticked.
/// </summary>
public sealed class A_compliance_officer_running_privacy_requests : IAsyncLifetime
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
        _ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
        _carl = await _host.StaffAsync("carl@clinic.example", "Carl", Password, Roles.ComplianceOfficer);
    }

    public async ValueTask DisposeAsync()
    {
        _carl.Dispose();
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_export_is_a_JSON_file_of_the_persons_data_recorded_on_the_timeline_and_in_the_access_log()
    {
        var lead = await _host.SubmittedAsync();
        Assert.Contains("id=\"privacy-export\"", await _carl.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}", Ct), StringComparison.Ordinal);

        using var response = await _carl.PostFormAsync($"/dashboard/leads/{lead.LeadId}/privacy/export", [], $"/dashboard/leads/{lead.LeadId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"lead-{LeadReference.Of(lead.LeadId)}-export.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var export = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("Carl", (string?)export["exportedBy"]);
        Assert.Equal("maria.lopez@fastmail.com", (string?)export["services"]!["FollowUp"]!["person"]!["email"]);
        var stored = (await _host.Leads.GetAsync(lead.LeadId, Ct))!;
        Assert.Contains(stored.Timeline, e => e.Kind == PrivacyRoutes.ExportKind && e.Actor == "Carl");
        var log = (await _carl.Http.GetFromJsonAsync<JsonArray>($"/api/v1/leads/{lead.LeadId}/access-log", Ct))!;
        Assert.Contains(log, e => (string?)e!["what"] == Audit.LeadAccessKinds.Export && (string?)e["actor"] == "Carl");
    }

    [Fact]
    public async Task The_erasure_erases_the_person_and_keeps_who_asked_and_when()
    {
        var lead = await _host.SubmittedAsync();

        using (var unconfirmed = await _carl.PostFormAsync($"/dashboard/leads/{lead.LeadId}/privacy/erase", [], $"/dashboard/leads/{lead.LeadId}"))
            Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Null((await _host.Leads.GetAsync(lead.LeadId, Ct))!.ErasedAt);
        using var response = await _carl.PostFormAsync($"/dashboard/leads/{lead.LeadId}/privacy/erase", new() { ["confirm"] = "yes" }, $"/dashboard/leads/{lead.LeadId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Erasure requested", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var erased = await Eventually.GetAsync(() => _host.Leads.GetAsync(lead.LeadId, Ct), l => l!.ErasedAt is not null, what: "the erasure");
        Assert.Null(erased!.Person);
        var request = Assert.Single(erased.Timeline, e => e.Kind == PrivacyRoutes.ErasureKind);
        Assert.Equal("Carl", request.Actor);
        Assert.Contains(erased.Timeline, e => e.Kind.Name() == "erased" && e.Details.GetValueOrDefault("erasureId") == request.Details["erasureId"]);
    }

    [Fact]
    public async Task A_coordinator_cannot_export_or_erase_from_the_dashboard()
    {
        var lead = await _host.SubmittedAsync();
        Assert.DoesNotContain("id=\"privacy-export\"", await _ana.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}", Ct), StringComparison.Ordinal);

        using var export = await _ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/privacy/export", [], $"/dashboard/leads/{lead.LeadId}");
        using var erase = await _ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/privacy/erase", new() { ["confirm"] = "yes" }, $"/dashboard/leads/{lead.LeadId}");

        Assert.Contains("/dashboard/forbidden", export.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("/dashboard/forbidden", erase.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
        Assert.Null((await _host.Leads.GetAsync(lead.LeadId, Ct))!.ErasedAt);
    }
}
