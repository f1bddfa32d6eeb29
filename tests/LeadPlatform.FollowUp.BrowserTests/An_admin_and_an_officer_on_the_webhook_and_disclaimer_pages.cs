using Deque.AxeCore.Playwright;
using LeadPlatform.FollowUp.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// In Chromium, on the standalone host: an admin subscribes a clinic system on the webhook page (a metadata address is
/// refused beside the field; a public https address is accepted and its secret shown once), sends a test event and reads
/// its attempt in the delivery log (this machine has no route out, so it waits for a retry), disables and deletes it; a
/// compliance officer approves a Spanish disclaimer draft from the matrix. Axe finds no violation; screenshots at 1280
/// and 390 px.
/// </summary>
public sealed class An_admin_and_an_officer_on_the_webhook_and_disclaimer_pages : IAsyncLifetime
{
    private const string Password = "browser-test-password-for-people";
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync()
    {
        _dashboard = await DashboardBrowser.StartAsync();
        var accounts = _dashboard.Host.App.Services.GetRequiredService<AccountService>();
        Assert.NotNull((await accounts.CreateAsync("carl@clinic.example", "Carl", Password, [Roles.ComplianceOfficer])).Account);
    }

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<List<string>> AxeAsync(string label)
    {
        var results = await Page.RunAxe();
        return [.. results.Violations.Select(v => $"{label}: {v.Id} ({v.Impact}): {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")];
    }

    [Fact]
    public async Task An_admin_subscribes_sends_a_test_event_reads_the_log_and_disables_and_deletes_the_subscription()
    {
        var problems = new List<string>();
        await _dashboard.SignInAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Exact = true }).WaitForAsync();

        await Page.GetByLabel("Target URL").FillAsync("https://169.254.169.254/latest/meta-data");
        await Page.GetByLabel("lead.qualified").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(Page.Locator("#url-error")).ToContainTextAsync("not a public address");
        await Expect(Page.GetByLabel("Target URL")).ToHaveValueAsync("https://169.254.169.254/latest/meta-data");
        await Expect(Page.GetByLabel("lead.qualified")).ToBeCheckedAsync();
        await _dashboard.ScreenshotAsync("webhooks-1-refused-target");
        problems.AddRange(await AxeAsync("webhooks, refused target"));

        await Page.GetByLabel("Target URL").FillAsync("https://93.184.215.14/hooks/leadplatform");
        await Page.GetByLabel("Description").FillAsync("Clinic CRM");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(Page.Locator("#webhook-secret")).ToContainTextAsync("whsec_");
        await _dashboard.ScreenshotAsync("webhooks-2-secret-shown-once");
        problems.AddRange(await AxeAsync("webhooks, secret"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send test event to https://93.184.215.14/hooks/leadplatform" }).ClickAsync();
        await Expect(Page.Locator("#webhook-notice")).ToContainTextAsync("Test event queued");
        await Expect(Page.Locator("#webhook-secret")).ToHaveCountAsync(0);
        for (var i = 0; i < 60 && await Page.Locator("tr[data-event='webhook.test'] td:nth-child(4)").InnerTextAsync() == "0"; i++)
        {
            await Page.WaitForTimeoutAsync(500); // the page is rendered once: reload until the sender's first attempt is on it
            await Page.ReloadAsync();
        }
        await Expect(Page.Locator("tr[data-event='webhook.test'] td:nth-child(4)")).ToHaveTextAsync("1");
        await Expect(Page.Locator("tr[data-event='webhook.test'] td:nth-child(3)")).ToHaveTextAsync("pending");
        await _dashboard.ScreenshotAsync("webhooks-3-delivery-log");
        problems.AddRange(await AxeAsync("webhooks, delivery log"));
        await Page.SetViewportSizeAsync(390, 844);
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await _dashboard.ScreenshotAsync("webhooks-4-delivery-log-390");
        await Page.SetViewportSizeAsync(1280, 900);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Disable https://93.184.215.14/hooks/leadplatform" }).ClickAsync();
        await Expect(Page.Locator("section.webhook .badge")).ToHaveTextAsync("disabled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete https://93.184.215.14/hooks/leadplatform" }).ClickAsync();
        await Expect(Page.Locator("#no-webhooks")).ToBeVisibleAsync();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task A_compliance_officer_approves_a_Spanish_disclaimer_draft_from_the_matrix()
    {
        var problems = new List<string>();
        await _dashboard.SignInWithPasswordAsync("carl@clinic.example", Password);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Disclaimers" }).ClickAsync();
        var cell = Page.Locator("td[data-cell='spondylolysis/email/es']");
        await Expect(cell).ToContainTextAsync("draft");
        await _dashboard.ScreenshotAsync("disclaimers-1-drafts");
        problems.AddRange(await AxeAsync("disclaimer matrix"));

        Assert.Equal(0, await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await cell.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Page.Locator("#approval-notice")).ToContainTextAsync("Approved");
        await Expect(cell).ToContainTextAsync("approved");
        await Expect(cell).ToContainTextAsync("by Carl");
        await _dashboard.ScreenshotAsync("disclaimers-2-approved");
        problems.AddRange(await AxeAsync("disclaimer matrix, approved"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task An_admin_previews_a_CSV_import_with_a_bad_row_and_applies_it_and_the_lead_enters_the_journey()
    {
        var problems = new List<string>();
        var csv = Path.Combine(DashboardBrowser.Artifacts, "import-leads.csv");
        await File.WriteAllTextAsync(csv,
            "First Name,Last Name,E-mail,Mobile,Condition,ZIP,Country,Language,SMS consent source,SMS consent text,SMS consent date\r\n"
            + "Lucia,Romero,lucia.romero@fastmail.com,+1 415 555 0199,Spondylolysis,94105,US,es,Clinic web form 2025,I agree to receive text messages about my inquiry.,2025-06-01\r\n"
            + "Pedro,,pedro@example,,Back pain,94105,US,en,,,2025-06-01\r\n");
        await _dashboard.SignInAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Import leads" }).WaitForAsync();
        await _dashboard.ScreenshotAsync("import-1-upload");
        problems.AddRange(await AxeAsync("import upload"));

        await Page.GetByLabel("CSV file").SetInputFilesAsync(csv);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Import preview" }).WaitForAsync();
        await Expect(Page.Locator("tr[data-line='3'] li[data-field='last_name']")).ToContainTextAsync("The last name is missing.");
        await Expect(Page.Locator("tr[data-line='3'] li[data-field='email']")).ToContainTextAsync("not an email address");
        await Expect(Page.Locator("tr[data-line='2']")).ToContainTextAsync("text messages");
        await _dashboard.ScreenshotAsync("import-2-preview");
        problems.AddRange(await AxeAsync("import preview"));
        await Page.SetViewportSizeAsync(390, 844);
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await _dashboard.ScreenshotAsync("import-3-preview-390");
        await Page.SetViewportSizeAsync(1280, 900);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Import 1 lead" }).ClickAsync();
        await Expect(Page.Locator("#import-applied")).ToContainTextAsync("1 lead created");
        await _dashboard.ScreenshotAsync("import-4-applied");
        problems.AddRange(await AxeAsync("import applied"));
        var href = await Page.Locator("tr[data-line='2'] a").GetAttributeAsync("href");
        var leadId = href!.Split('/')[^1];
        await _dashboard.QualifiedAsync(leadId); // qualification decides as for the form's leads, and a task follows
        await Page.Locator("tr[data-line='2'] a").ClickAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync("Lucia");
        await _dashboard.ScreenshotAsync("import-5-imported-lead");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
