using Deque.AxeCore.Playwright;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// In Chromium, on the standalone host: a compliance officer opens the compliance workspace, the printable evidence
/// report of a period and one lead's ledger, and downloads the period as CSV (one row per evidence entry); a manager
/// lands on the reports and reads the conversion by source. Every page is checked with axe-core (no violation of any
/// impact) and photographed at 1280 px.
/// </summary>
public sealed class A_compliance_officer_and_a_manager_reading_the_records : IAsyncLifetime
{
    private const string Password = "browser-test-password-for-people";
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync()
    {
        _dashboard = await DashboardBrowser.StartAsync();
        var accounts = _dashboard.Host.App.Services.GetRequiredService<AccountService>();
        Assert.NotNull((await accounts.CreateAsync("carl@clinic.example", "Carl", Password, [Roles.ComplianceOfficer])).Account);
        Assert.NotNull((await accounts.CreateAsync("mia@clinic.example", "Mia", Password, [Roles.Manager])).Account);
    }

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<List<string>> AxeAsync(string label)
    {
        var results = await Page.RunAxe();
        return [.. results.Violations.Select(v => $"{label}: {v.Id} ({v.Impact}): {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")];
    }

    private async Task<string> LeadFromAsync(string utmSource)
    {
        var request = SampleQuoteRequest.Create(phone: null);
        request["firstName"] = DashboardBrowser.UniqueName("Lucia");
        request["source"]!["utmSource"] = utmSource;
        var leadId = await _dashboard.SubmitAndFindLeadAsync(request);
        await _dashboard.QualifiedAsync(leadId); // the reports count qualified leads as the page is rendered
        return leadId;
    }

    private static string Today => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_compliance_officer_exports_a_period_as_CSV_with_one_row_per_evidence_entry()
    {
        var leadId = await LeadFromAsync("google");
        // A coordinator's draft with a claim (blocked: its text is kept for the officer), beside the acknowledgement.
        using (var blocked = await _dashboard.Host.Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach",
                   new { channel = "email", subject = "Good news", body = "Our therapy cures spondylolysis, guaranteed.", author = "coordinator.ana" }))
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        var ledger = (await _dashboard.Host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}/evidence"))!;
        var problems = new List<string>();

        await _dashboard.SignInWithPasswordAsync("carl@clinic.example", Password);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Compliance" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Compliance workspace" }).WaitForAsync();
        await Expect(Page.Locator("#withheld")).ToContainTextAsync("claims.cure");
        await _dashboard.ScreenshotAsync("officer-1-workspace");
        problems.AddRange(await AxeAsync("compliance workspace"));

        await Page.Locator("#evidence-report").ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Evidence report" }).WaitForAsync();
        await Expect(Page.Locator("#report-integrity")).ToHaveTextAsync("Every lead's hash chain verifies.");
        await _dashboard.ScreenshotAsync("officer-2-evidence-report");
        problems.AddRange(await AxeAsync("evidence report"));
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await Page.Locator("header.top").IsVisibleAsync(), "the navigation is not printed");
        Assert.False(await Page.Locator("#download-csv").IsVisibleAsync(), "the download button is not printed");
        await _dashboard.ScreenshotAsync("officer-3-evidence-report-print");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#download-csv").ClickAsync());
        var path = Path.Combine(DashboardBrowser.Artifacts, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("time,lead_reference,sequence,channel,decision,author,rule_set_version,failed_rules,disclaimer_versions,consent_version,consent_hash,reviewer,message_hash,hash,previous_hash", lines[0], StringComparison.Ordinal);
        var json = JsonNode.Parse(await (await Page.APIRequest.GetAsync(_dashboard.Url($"/api/v1/compliance/evidence?from={Today}&to={Today}"))).TextAsync())!;
        Assert.Equal((int)json["count"]!, lines.Count - 1);
        foreach (var record in ledger["records"]!.AsArray())
            Assert.Single(lines, l => l.Split(',')[13] == (string)record!["hash"]!);
        Assert.DoesNotContain(lines, l => l.Contains(leadId, StringComparison.OrdinalIgnoreCase) || l.Contains("Lucia", StringComparison.Ordinal));

        await Page.Locator("#evidence a[href$='/evidence']").First.ClickAsync();
        await Expect(Page.Locator("#integrity")).ToContainTextAsync("Verified");
        await Expect(Page.Locator(".withheld-draft").First).ToContainTextAsync("cures spondylolysis");
        await _dashboard.ScreenshotAsync("officer-4-lead-evidence");
        problems.AddRange(await AxeAsync("lead evidence"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_printable_evidence_report_fits_a_phone_wide_screen_and_page_with_its_hashes_wrapped()
    {
        var leadId = await LeadFromAsync("google");
        using (var blocked = await _dashboard.Host.Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach",
                   new { channel = "email", subject = "Good news", body = "Our therapy cures spondylolysis, guaranteed.", author = "coordinator.ana" }))
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        await _dashboard.SignInWithPasswordAsync("carl@clinic.example", Password);
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync(_dashboard.Url($"/dashboard/compliance/evidence?from={Today}&to={Today}"));
        await Expect(Page.Locator("#evidence tbody tr").First).ToBeVisibleAsync();
        const string overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";
        Assert.Equal(0, await Page.EvaluateAsync<int>(overflow));
        await _dashboard.ScreenshotAsync("officer-5-evidence-report-390");
        var problems = await AxeAsync("evidence report at 390 px");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal(0, await Page.EvaluateAsync<int>(overflow));
        await _dashboard.ScreenshotAsync("officer-6-evidence-report-390-print");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task A_manager_lands_on_the_reports_and_reads_the_conversion_by_source()
    {
        await LeadFromAsync("google");
        await LeadFromAsync("google");
        await LeadFromAsync("facebook");
        var problems = new List<string>();

        await Page.GotoAsync(_dashboard.Url("/dashboard"));
        await Page.ArrivedAtAsync(@"/dashboard/sign-in");
        await Page.GetByLabel("Email").FillAsync("mia@clinic.example");
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Exact = true }).WaitForAsync();
        Assert.EndsWith("/dashboard/reports", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Queue" })).ToHaveCountAsync(0);
        await Expect(Page.Locator("#conversion tr[data-group='google'] td[data-stage='submitted']")).ToHaveTextAsync("2");
        await Expect(Page.Locator("#conversion tr[data-group='facebook'] td[data-stage='submitted']")).ToHaveTextAsync("1");
        await Expect(Page.Locator("#conversion tr[data-group='google'] td[data-stage='qualified']")).ToHaveTextAsync("2 (100%)");
        await Expect(Page.Locator("#conversion-chart")).ToBeVisibleAsync();
        Assert.Equal(0, await Page.GetByText("Lucia").CountAsync());
        await _dashboard.ScreenshotAsync("reports-1-funnel-by-source");
        problems.AddRange(await AxeAsync("reports"));

        await Page.GetByLabel("Group by").SelectOptionAsync("language");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(Page.Locator("#conversion tr[data-group='en'] td[data-stage='submitted']")).ToHaveTextAsync("3");
        await _dashboard.ScreenshotAsync("reports-2-funnel-by-language");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
