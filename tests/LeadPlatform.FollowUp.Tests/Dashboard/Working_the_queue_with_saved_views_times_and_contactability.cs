using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// The queue a coordinator works from all morning (issue 17): saved views per person (API and page), times in the clinic's
/// clock with the lead's beside them and due times relative to now, and contactability per channel with the compose links
/// disabled and the reason shown. And the lead page without ids, hashes or raw keys for a coordinator. Real HTTP.
/// </summary>
public sealed partial class Working_the_queue_with_saved_views_times_and_contactability : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
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
    public async Task A_coordinator_saves_a_view_sees_it_as_a_tab_and_removes_it_through_the_api()
    {
        using var created = await _ana.Http.PostAsJsonAsync("/api/v1/views", new { name = "Tier B, newest", scope = "all", tier = "B", sort = "-received" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (Guid)view["id"]!;
        Assert.Equal(("Tier B, newest", "all", "B", "-received"), ((string)view["name"]!, (string)view["scope"]!, (string)view["tier"]!, (string)view["sort"]!));

        var listed = (await _ana.Http.GetFromJsonAsync<JsonArray>("/api/v1/views"))!;
        Assert.Equal(id, (Guid)Assert.Single(listed)!["id"]!);
        var queue = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync("/dashboard"));
        Assert.Contains($"data-view-id=\"{id}\"", queue, StringComparison.Ordinal);
        Assert.Contains("scope=all&tier=B&sort=-received&page=1&view=", queue, StringComparison.Ordinal);

        using var same = await _ana.Http.PostAsJsonAsync("/api/v1/views", new { name = "tier b, NEWEST" });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.True((await same.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("name"));
        using var badSort = await _ana.Http.PostAsJsonAsync("/api/v1/views", new { name = "Odd", sort = "shoe-size" });
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.True((await badSort.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("sort"));

        // Another coordinator does not see Ana's views; an API token has none.
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ben@clinic.example", "Ben Okafor", Password, [Roles.Coordinator]);
        using var ben = await DashboardSession.SignedInAsync(_host.Host.Address, "ben@clinic.example", Password);
        Assert.Empty((await ben.Http.GetFromJsonAsync<JsonArray>("/api/v1/views"))!);
        using var benDeletes = await ben.Http.DeleteAsync($"/api/v1/views/{id}");
        Assert.Equal(HttpStatusCode.NotFound, benDeletes.StatusCode);
        using var token = await _host.Http.GetAsync("/api/v1/views");
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);

        using var deleted = await _ana.Http.DeleteAsync($"/api/v1/views/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await _ana.Http.GetFromJsonAsync<JsonArray>("/api/v1/views"))!);
    }

    [Fact]
    public async Task Saving_the_current_filter_from_the_queue_page_opens_it_as_the_current_tab()
    {
        using var saved = await _ana.PostFormAsync("/dashboard/views",
            new() { ["name"] = "Unassigned by tier", ["scope"] = "unassigned", ["sort"] = "tier" }, "/dashboard?scope=unassigned&sort=tier");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        Assert.StartsWith("/dashboard?scope=unassigned&sort=tier&page=1&view=", location, StringComparison.Ordinal);
        var page = await _ana.Http.GetStringAsync(location);
        Assert.Matches("<a href=\"[^\"]+\" class=\"saved-view\" data-view-id=\"[0-9a-f-]+\" aria-current=\"page\">Unassigned by tier</a>", page);
        Assert.Contains("Remove view", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_rows_show_relative_due_times_both_clocks_and_per_channel_contactability_with_the_reason()
    {
        // Email consent only (the sample's): calls and texts are not allowed, and say why; email is a link to compose.
        var leadId = await _host.QualifiedLeadAsync(longAgo: true);
        var rows = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync("/dashboard/queue/rows?scope=all"));
        var row = RowOf(rows, leadId);
        Assert.DoesNotContain("UTC", row, StringComparison.Ordinal);
        Assert.Matches(@"overdue \d+ (min|h|d)", row);
        Assert.Matches(@"\d{1,2}:\d{2}[^<]* here · [^<]*\d{1,2}:\d{2}[^<]* for the lead", row);
        Assert.Contains($"href=\"/dashboard/leads/{leadId}/compose?channel=email\"", row, StringComparison.Ordinal);
        Assert.Matches("<li class=\"contact-no\" data-channel=\"sms\"><span class=\"button-like disabled\" aria-disabled=\"true\">Text</span><small class=\"disabled-reason\">no consent to texts</small>", row);
        Assert.Contains("no consent to calls", row, StringComparison.Ordinal);
        Assert.DoesNotContain($"/dashboard/leads/{leadId}/compose?channel=sms", row, StringComparison.Ordinal);

        // The API says the same.
        var page = (await _host.Http.GetFromJsonAsync<JsonObject>("/api/v1/tasks?page=1&pageSize=50"))!;
        var item = page["items"]!.AsArray().Single(i => (Guid)i!["leadId"]! == leadId)!;
        var sms = item["contactability"]!.AsArray().Single(c => (string?)c!["channel"] == "sms")!;
        Assert.False((bool)sms["allowed"]!);
        Assert.Equal("no consent to texts", (string?)sms["reasons"]![0]);
        Assert.True((bool)item["contactability"]!.AsArray().Single(c => (string?)c!["channel"] == "email")!["allowed"]!);
    }

    [Fact]
    public async Task A_coordinator_reads_the_lead_page_without_ids_hashes_keys_or_utc()
    {
        var leadId = await _host.QualifiedLeadAsync(s => s with { Source = s.Source with { UtmCampaign = "spring-spine" } });
        using var sent = await _host.SendAsync(leadId, "email", "Thank you for your request. A coordinator will call you to talk it through.", "Your request");
        Assert.True(sent.IsSuccessStatusCode, $"outreach answered {(int)sent.StatusCode}");
        var lead = (await _host.Leads.GetAsync(leadId))!;
        var outreach = lead.Outreach.Single(o => o.Kind == "coordinator");

        var page = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}"));
        Assert.DoesNotContain(outreach.EvidenceId.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(outreach.MessageHash, page, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence-id", page, StringComparison.Ordinal);
        Assert.DoesNotContain("View evidence", page, StringComparison.Ordinal);
        foreach (var key in new[] { "formId", "pageUrl", "utmSource", "utmCampaign" })
        {
            Assert.DoesNotContain($">{key}<", page, StringComparison.Ordinal);
        }
        var attribution = Regex.Match(page, "<dl class=\"facts\" id=\"attribution\">(.*?)</dl>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<dt>Form</dt><dd>free-quote</dd>", attribution, StringComparison.Ordinal);
        Assert.Contains("<dt>Source</dt><dd>google</dd>", attribution, StringComparison.Ordinal);
        Assert.Contains("<dt>Campaign</dt><dd>spring-spine</dd>", attribution, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Text messages</th>", page, StringComparison.Ordinal);
        Assert.Contains("spondylolysis (email", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[a-z]+_[a-z_]+\b", Regex.Replace(page, "<[^>]+>", " "));

        // The compliance check in words: kept, what it decided and when.
        var check = Regex.Match(page, "<dd class=\"compliance-check\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches(@"^\s*Kept: cleared to send, [^<]*\d{1,2}:\d{2}\s*$", check);

        // A compliance officer gets the links to the evidence instead, and still no id (issue 15 tidy-up: the id was shown to officers before).
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("olga@clinic.example", "Olga", Password, [Roles.ComplianceOfficer]);
        using var olga = await DashboardSession.SignedInAsync(_host.Host.Address, "olga@clinic.example", Password);
        var officer = WebUtility.HtmlDecode(await olga.Http.GetStringAsync($"/dashboard/leads/{leadId}"));
        Assert.Contains("id=\"view-evidence\"", officer, StringComparison.Ordinal);
        Assert.DoesNotContain(outreach.EvidenceId.ToString(), officer, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence-id", officer, StringComparison.Ordinal);
        var sequence = lead.Evidence.Single(e => e.EvidenceId == outreach.EvidenceId).Sequence;
        Assert.Contains($"<a class=\"evidence-link\" href=\"/dashboard/leads/{leadId}/evidence#entry-{sequence + 1}\">see it in the evidence</a>", officer, StringComparison.Ordinal);
        var ledger = await olga.Http.GetStringAsync($"/dashboard/leads/{leadId}/evidence");
        Assert.Contains($"<li id=\"entry-{sequence + 1}\"", ledger, StringComparison.Ordinal);
    }

    private static string RowOf(string rows, Guid leadId) =>
        Regex.Match(rows, $"<tr[^>]*id=\"row-{leadId}\".*?</tr>", RegexOptions.Singleline) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"no row for {leadId} in {rows}");
}
