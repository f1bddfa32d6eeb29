using System.Net;
using System.Net.Http.Json;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadPlatform.FollowUp.BrowserTests;

/// <summary>
/// A coordinator in Chromium working a queue of more leads than one page: "My tasks" first, the unassigned view, "Assign
/// to me" by keyboard shortcut, bulk assign, paging with counts, focus kept across the refresh, the new-lead alert; the
/// page at 1280 and 390 pixels wide, with axe.
/// </summary>
public sealed class A_coordinator_working_the_queue : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const int Backlog = 55;
    private DashboardBrowser _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await DashboardBrowser.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private IPage Page => _dashboard.Page;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private ILeadStore Leads => _dashboard.Host.App.Services.GetRequiredService<ILeadStore>();

    /// <summary>Leads that came in while nobody was on duty: open, unassigned tasks (written as follow-up stores them).</summary>
    private async Task<List<Guid>> SeedBacklogAsync(int count, string? assignedTo = null, string prefix = "Queue")
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var sample = SampleMessages.QuoteRequestSubmitted();
            var lead = new LeadDocument
            {
                Id = sample.LeadId, CreatedAt = now.AddMinutes(-i), UpdatedAt = now, Tier = i % 3 == 0 ? "A" : "B",
                Person = sample.Person with { FirstName = $"{prefix}{i:00}", LastName = "Lopez" }, Inquiry = sample.Inquiry,
                QuoteRequestIds = [sample.QuoteRequestId],
                Tasks =
                [
                    new FollowUpTask
                    {
                        Id = Guid.NewGuid(), QuoteRequestId = sample.QuoteRequestId, Tier = i % 3 == 0 ? "A" : "B", CreatedAt = now, DueAt = now.AddMinutes(30 + i),
                        AssignedTo = assignedTo, AssignedAt = assignedTo is null ? null : now,
                    },
                ],
            };
            lead.RefreshDueTimes();
            Assert.True(await Leads.TryInsertAsync(lead));
            ids.Add(lead.Id);
        }
        return ids;
    }

    [Fact]
    public async Task Takes_leads_from_the_unassigned_backlog_by_shortcut_and_in_bulk_and_pages_through_it()
    {
        var accounts = _dashboard.Host.App.Services.GetRequiredService<AccountService>();
        var ana = (await accounts.CreateAsync("ana@clinic.example", "Ana Ruiz", Password, [Roles.Coordinator])).Account!;
        await accounts.UpdateAsync(ana.Id, a => a.OnDuty = false); // nobody on duty: the backlog stays unassigned
        await SeedBacklogAsync(Backlog);
        await _dashboard.SignInWithPasswordAsync("ana@clinic.example", Password);

        // "My tasks" is a coordinator's first view: empty, and it says where the work is.
        await Expect(Page.Locator("nav.views a[aria-current=page]")).ToHaveTextAsync("My tasks");
        await Expect(Page.Locator("#queue-rows")).ToContainTextAsync("No open tasks match.");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Unassigned ({Backlog})" }).ClickAsync();
        await Expect(Page.Locator("#queue-count")).ToHaveTextAsync($"Showing 1–50 of {Backlog} open tasks.");
        await Expect(Page.Locator("#queue-rows tr[data-lead-id]")).ToHaveCountAsync(50);
        await _dashboard.ScreenshotAsync("queue-1-unassigned-1280");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());

        // Keyboard: j to the first lead, m assigns it to me; the page comes back and says so.
        var first = await Page.Locator("#queue-rows tr[data-lead-id] a[data-key]").First.InnerTextAsync();
        await Page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 300 } });
        await Page.Keyboard.PressAsync("j");
        await Expect(Page.Locator("#queue-rows a[data-key]").First).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("m");
        await Expect(Page.Locator("p.notice")).ToHaveTextAsync("1 task assigned.");
        await Expect(Page.Locator("#queue-rows")).Not.ToContainTextAsync(first);

        // Bulk: tick three rows, "Me", Assign selected.
        var rows = Page.Locator("#queue-rows tr[data-lead-id]");
        var picked = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            picked.Add(await rows.Nth(i).Locator("a[data-key]").InnerTextAsync());
            await rows.Nth(i).Locator("input[type=checkbox]").CheckAsync();
        }
        await Page.GetByLabel("Assign the selected tasks to").SelectOptionAsync("me");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Assign selected" }).ClickAsync();
        await Expect(Page.Locator("p.notice")).ToHaveTextAsync("3 tasks assigned.");
        await Expect(Page.Locator("#queue-count")).ToHaveTextAsync($"Showing 1–50 of {Backlog - 4} open tasks.");

        // Paging: the rest is on page 2.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(Page.Locator("nav.pager")).ToContainTextAsync("Page 2 of 2");
        await Expect(Page.Locator("#queue-rows tr[data-lead-id]")).ToHaveCountAsync(Backlog - 4 - 50);
        await _dashboard.ScreenshotAsync("queue-2-page-2-1280");

        // My tasks: the four, with her name (never her email).
        await Page.GetByRole(AriaRole.Link, new() { Name = "My tasks" }).ClickAsync();
        await Expect(Page.Locator("#queue-rows tr[data-lead-id]")).ToHaveCountAsync(4);
        foreach (var name in picked.Append(first)) await Expect(Page.Locator("#queue-rows")).ToContainTextAsync(name);
        await Expect(Page.Locator("#queue-rows")).ToContainTextAsync("Ana Ruiz");
        await Expect(Page.Locator("#queue-rows")).Not.ToContainTextAsync("ana@clinic.example");

        // Focus stays on the lead it was on when the list refreshes with a new row.
        var focused = Page.Locator("#queue-rows a[data-key]").Nth(1);
        var focusedKey = await focused.GetAttributeAsync("data-key");
        await focused.FocusAsync();
        var arriving = await SeedBacklogAsync(1, "ana@clinic.example", "Arriving");
        await Expect(Page.Locator("#queue-rows tr[data-lead-id]")).ToHaveCountAsync(5, new() { Timeout = 20_000 });
        Assert.Equal(focusedKey, await Page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.dataset.key"));

        // The new-lead alert: an admin (here the API token) gives her a task; the dashboard says so at once.
        var other = (await SeedBacklogAsync(1, prefix: "Alerted"))[0];
        var taskId = (await Leads.GetAsync(other))!.Tasks[0].Id;
        using (var assigned = await _dashboard.Host.Http.PutAsJsonAsync($"/api/v1/tasks/{taskId}/assignee", new { coordinator = "ana@clinic.example" }))
        {
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        }
        await Expect(Page.Locator("#alerts .alert-line")).ToContainTextAsync("New lead for you: Alerted00", new() { Timeout = 20_000 });
        await _dashboard.ScreenshotAsync("queue-3-mine-alert-1280");
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
        Assert.Single(arriving);

        // On a phone: rows become cards, nothing scrolls sideways.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync(_dashboard.Url("/dashboard?scope=unassigned"));
        await Expect(Page.Locator("#queue-rows tr[data-lead-id]").First).ToBeVisibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the queue scrolls sideways at 390 px");
        await _dashboard.ScreenshotAsync("queue-4-unassigned-390");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowser.Artifacts, "dashboard-queue-5-unassigned-390-first-screen.png") });
        Assert.Empty(await _dashboard.SeriousAccessibilityViolationsAsync());
    }
}
