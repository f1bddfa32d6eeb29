using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>
/// The read audit over real HTTP: opening a lead's page, reading it through the API and exporting it are recorded with
/// who and when, and only compliance officers and admins can read that record.
/// </summary>
public sealed class Auditing_who_read_a_lead : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string OperatorKey = "test-only-operator-key-0123456789abcdef";
    private OutreachHost _host = null!;
    private Guid _leadId;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(null, $"--Privacy:OperatorApiKey={OperatorKey}");
        var accounts = _host.Host.App.Services.GetRequiredService<AccountService>();
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator])).Account);
        Assert.NotNull((await accounts.CreateAsync("carl@clinic.example", "Carl", Password, [Roles.ComplianceOfficer])).Account);
        _leadId = (await _host.SubmittedAsync()).LeadId;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_lead_page_the_lead_API_and_the_export_are_recorded_and_a_compliance_officer_reads_who_and_when()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using (var page = await ana.Http.GetAsync($"/dashboard/leads/{_leadId}")) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using (var api = await _host.Http.GetAsync($"/api/v1/leads/{_leadId}")) Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using (var export = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/privacy/leads/{_leadId}/export"))
        {
            export.Headers.Add("X-Operator-Key", OperatorKey);
            using var exported = await _host.Http.SendAsync(export);
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        }

        using var carl = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password);
        using var log = await carl.Http.GetAsync($"/api/v1/leads/{_leadId}/access-log");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        var entries = (await log.Content.ReadFromJsonAsync<JsonArray>())!;
        var seen = entries.Select(e => ((string?)e!["actor"], (string?)e["what"])).ToList();
        Assert.Contains(("Ana", "lead_page"), seen);
        Assert.Contains(("api:tests", "lead_api"), seen);
        Assert.Contains(("operator", "export"), seen);
        Assert.All(entries, e => Assert.True(DateTimeOffset.UtcNow - (DateTimeOffset)e!["at"]! < TimeSpan.FromMinutes(5)));
        // The log holds no personal data of the lead.
        var text = await log.Content.ReadAsStringAsync();
        Assert.DoesNotContain("maria", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fastmail", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Coordinators_API_tokens_and_the_anonymous_cannot_read_the_access_log()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var byCoordinator = await ana.Http.GetAsync($"/api/v1/leads/{_leadId}/access-log");
        Assert.Equal(HttpStatusCode.Forbidden, byCoordinator.StatusCode);
        using var byToken = await _host.Http.GetAsync($"/api/v1/leads/{_leadId}/access-log");
        Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);
        using var anonymous = new DashboardSession(_host.Host.Address);
        using var byNobody = await anonymous.Http.GetAsync($"/api/v1/leads/{_leadId}/access-log");
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
    }
}
