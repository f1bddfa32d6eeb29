using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Officer;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Officer;

/// <summary>
/// The compliance officer reads the evidence across leads for a period (JSON, or CSV with one row per entry), each lead's
/// ledger with its chain's integrity (verified, or broken at entry N), and the text of a blocked or held draft; a
/// coordinator and a manager may not. Over real HTTP, on a clock inside calling hours.
/// </summary>
public sealed class A_compliance_officer_reading_the_evidence : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private const string Claim = "Hello Maria, our therapy cures spondylolysis, guaranteed.";
    private const string Urgent = "Hello Maria, please book your consultation before it is too late for your spine.";
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = OutreachHost.DuringCallingHours();
    private OutreachHost _host = null!;
    private DashboardSession _carl = null!;
    private DashboardSession _ana = null!;
    private DashboardSession _mia = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartWithAdminAsync(_time, AdminEmail, Password);
        _ana = await _host.StaffAsync("ana@clinic.example", "Ana", Password, Roles.Coordinator);
        _carl = await _host.StaffAsync("carl@clinic.example", "Carl", Password, Roles.ComplianceOfficer);
        _mia = await _host.StaffAsync("mia@clinic.example", "Mia", Password, Roles.Manager);
    }

    public async ValueTask DisposeAsync()
    {
        _carl.Dispose();
        _ana.Dispose();
        _mia.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>Two leads: one blocked then cleared, one held for review: three evidence entries.</summary>
    private async Task<(Guid First, Guid Second)> ThreeDecisionsAsync()
    {
        var first = await _host.SubmittedAsync();
        var second = await _host.SubmittedAsync();
        using (var blocked = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{first.LeadId}/outreach", new { channel = "email", subject = "Good news", body = Claim }, Ct))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        using (var sent = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{first.LeadId}/outreach", new { channel = "email", subject = "Your inquiry", body = "Hello Maria, thank you for your inquiry. When may we call you?" }, Ct))
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync(Ct));
        using (var held = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{second.LeadId}/outreach", new { channel = "email", subject = "Your consultation", body = Urgent }, Ct))
            Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        return (first.LeadId, second.LeadId);
    }

    private string Period => $"from={_time.GetUtcNow().AddDays(-1):yyyy-MM-dd}&to={_time.GetUtcNow().AddDays(1):yyyy-MM-dd}";

    [Fact]
    public async Task The_period_as_CSV_has_one_row_per_evidence_entry_with_its_versions_and_hashes_and_no_internal_id()
    {
        var (first, second) = await ThreeDecisionsAsync();
        var ledgers = new[] { await _host.EvidenceAsync(first), await _host.EvidenceAsync(second) };
        var records = ledgers.SelectMany(l => l["records"]!.AsArray()).Select(r => r!.AsObject()).ToList();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/compliance/evidence?{Period}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await _carl.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", EvidenceCsv.Header), lines[0]);
        Assert.Equal(records.Count, lines.Length - 1);
        Assert.Equal(3, records.Count);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList(); // no cell here holds a comma
        foreach (var record in records)
        {
            var row = Assert.Single(rows, r => r[Array.IndexOf(EvidenceCsv.Header, "hash")] == (string)record["hash"]!);
            string Cell(string column) => row[Array.IndexOf(EvidenceCsv.Header, column)];
            Assert.Equal((string)record["previousHash"]!, Cell("previous_hash"));
            Assert.Equal((string)record["ruleSetVersion"]!, Cell("rule_set_version"));
            Assert.Equal((string)record["decision"]!, Cell("decision"));
            Assert.Equal((string)record["channel"]!, Cell("channel"));
            Assert.Equal(LeadReference.Of((Guid)record["leadId"]!), Cell("lead_reference"));
            Assert.Equal(string.Join("; ", record["disclaimerVersions"]!.AsArray().Select(d => (string?)d)), Cell("disclaimer_versions"));
            Assert.Equal("2026-11", Cell("consent_version")); // the email consent's text version
            Assert.Equal((string)record["consentHash"]!, Cell("consent_hash"));
        }
        Assert.DoesNotContain(first.ToString(), csv, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("maria", csv, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(lines.Skip(1), l => l.Contains(",blocked,", StringComparison.Ordinal) && l.Contains("claims.cure", StringComparison.Ordinal));
        Assert.Contains(lines.Skip(1), l => l.Contains(",review,", StringComparison.Ordinal));

        var json = (await _carl.Http.GetFromJsonAsync<JsonObject>($"/api/v1/compliance/evidence?{Period}", Ct))!;
        Assert.Equal(3, (int)json["count"]!);
        Assert.Equal(records.Select(r => (string?)r["hash"]).Order(), json["entries"]!.AsArray().Select(e => (string?)e!["hash"]).Order());
    }

    [Fact]
    public async Task A_period_outside_the_evidence_returns_nothing_and_a_bad_date_is_a_problem_naming_the_field()
    {
        await ThreeDecisionsAsync();
        var json = (await _carl.Http.GetFromJsonAsync<JsonObject>("/api/v1/compliance/evidence?from=2020-01-01&to=2020-01-31", Ct))!;
        Assert.Equal(0, (int)json["count"]!);

        using var bad = await _carl.Http.GetAsync("/api/v1/compliance/evidence?from=yesterday", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey("from"));
    }

    [Fact]
    public async Task Coordinators_and_managers_may_not_read_the_evidence_across_leads()
    {
        using var ana = await _ana.Http.GetAsync($"/api/v1/compliance/evidence?{Period}", Ct);
        using var mia = await _mia.Http.GetAsync($"/api/v1/compliance/evidence?{Period}", Ct);
        using var page = await _ana.Http.GetAsync("/dashboard/compliance", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, ana.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, mia.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/dashboard/forbidden", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lead_evidence_view_shows_the_chain_verified_the_blocked_drafts_text_and_records_the_read()
    {
        var (first, _) = await ThreeDecisionsAsync();

        var html = await _carl.Http.GetStringAsync($"/dashboard/leads/{first}/evidence", Ct);

        Assert.Contains("Verified: all 2 entries are intact and in order", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Claim), html, StringComparison.Ordinal);
        Assert.Contains("claims.cure", html, StringComparison.Ordinal);
        var log = (await _carl.Http.GetFromJsonAsync<JsonArray>($"/api/v1/leads/{first}/access-log", Ct))!;
        Assert.Contains(log, e => (string?)e!["what"] == OfficerAccessKinds.Evidence && (string?)e["actor"] == "Carl");
    }

    [Fact]
    public async Task An_altered_record_shows_the_chain_broken_at_its_entry_on_the_view_and_in_the_export()
    {
        var (first, _) = await ThreeDecisionsAsync();
        var lead = (await _host.Leads.GetAsync(first, Ct))!;
        lead.Evidence[1] = lead.Evidence[1] with { Decision = "blocked" }; // someone rewrote the second entry in the database
        await _host.Leads.ReplaceAsync(lead, Ct);

        var html = await _carl.Http.GetStringAsync($"/dashboard/leads/{first}/evidence", Ct);
        var csv = await _carl.Http.GetStringAsync($"/dashboard/compliance/evidence.csv?{Period}", Ct);

        Assert.Contains("Broken at entry 2: content does not match its hash", html, StringComparison.Ordinal);
        var reference = LeadReference.Of(first);
        var rows = csv.Split("\r\n").Where(l => l.Contains(reference, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.EndsWith(",yes", rows[0], StringComparison.Ordinal);
        Assert.EndsWith(",no", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printable_report_and_the_workspace_list_the_blocked_and_held_attempts_by_coordinator_rule_and_language()
    {
        await ThreeDecisionsAsync();

        var report = await _carl.Http.GetStringAsync($"/dashboard/compliance/evidence?{Period}", Ct);
        var workspace = await _carl.Http.GetStringAsync($"/dashboard/compliance?{Period}", Ct);

        Assert.Contains("reports.css", report, StringComparison.Ordinal);
        Assert.Contains("hash chain verifies.", report, StringComparison.Ordinal);
        Assert.Contains("Blocked and held attempts (2)", workspace, StringComparison.Ordinal);
        Assert.Matches("<td>Ana</td><td>2</td>", workspace);
        Assert.Matches("<td>claims.cure</td><td>1</td>", workspace);
        Assert.Matches("<td>en</td><td>2</td>", workspace);
        Assert.Contains("Reviews and their decisions (1)", workspace, StringComparison.Ordinal);
    }
}
