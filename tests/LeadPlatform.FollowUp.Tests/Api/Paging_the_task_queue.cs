using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>
/// More open tasks than one page: the queue (API and dashboard) says how many there are and pages through all of them.
/// It used to stop silently at 500.
/// </summary>
public sealed class Paging_the_task_queue : IAsyncLifetime
{
    private const int Leads = 523;
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours());
        var now = _host.Host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < Leads; i++)
        {
            var sample = SampleMessages.QuoteRequestSubmitted();
            var lead = new LeadDocument
            {
                Id = sample.LeadId, CreatedAt = now, UpdatedAt = now, Person = sample.Person, Inquiry = sample.Inquiry, Tier = "B",
                QuoteRequestIds = [sample.QuoteRequestId],
                Tasks = [new FollowUpTask { Id = Guid.NewGuid(), QuoteRequestId = sample.QuoteRequestId, Tier = "B", CreatedAt = now, DueAt = now.AddMinutes(i) }],
            };
            lead.RefreshDueTimes();
            Assert.True(await _host.Leads.TryInsertAsync(lead));
        }
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_api_answers_a_page_with_the_total_and_the_last_page_holds_the_rest()
    {
        var first = (await _host.Http.GetFromJsonAsync<JsonObject>("/api/v1/tasks?page=1&pageSize=500"))!;
        Assert.Equal(Leads, (int)first["total"]!);
        Assert.Equal(1, (int)first["page"]!);
        Assert.Equal(500, (int)first["pageSize"]!);
        Assert.Equal(500, first["items"]!.AsArray().Count);

        var last = (await _host.Http.GetFromJsonAsync<JsonObject>("/api/v1/tasks?page=2&pageSize=500"))!;
        Assert.Equal(Leads - 500, last["items"]!.AsArray().Count);
        var ids = first["items"]!.AsArray().Concat(last["items"]!.AsArray()).Select(i => (string)i!["leadId"]!).ToHashSet();
        Assert.Equal(Leads, ids.Count);
        // The most urgent first, across pages.
        var dues = first["items"]!.AsArray().Concat(last["items"]!.AsArray()).Select(i => (DateTimeOffset)i!["dueAt"]!).ToList();
        Assert.Equal(dues.Order(), dues);
    }

    [Fact]
    public async Task A_lead_with_two_open_tasks_is_one_row_and_the_queue_sorts_by_the_asked_column()
    {
        var now = _host.Host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var sample = SampleMessages.QuoteRequestSubmitted();
        var lead = new LeadDocument
        {
            Id = sample.LeadId, CreatedAt = now, UpdatedAt = now, Person = sample.Person, Inquiry = sample.Inquiry, Tier = "A",
            Tasks =
            [
                new FollowUpTask { Id = Guid.NewGuid(), Tier = "A", CreatedAt = now, DueAt = now.AddMinutes(-5) },
                new FollowUpTask { Id = Guid.NewGuid(), Tier = "B", CreatedAt = now, DueAt = now.AddHours(3) },
            ],
        };
        lead.RefreshDueTimes();
        Assert.True(await _host.Leads.TryInsertAsync(lead));

        var page = (await _host.Http.GetFromJsonAsync<JsonObject>("/api/v1/tasks?page=1&pageSize=10"))!;
        Assert.Equal(Leads + 1, (int)page["total"]!);
        var first = page["items"]![0]!;
        Assert.Equal(lead.Id.ToString(), (string?)first["leadId"]); // its most urgent task, overdue, comes first
        Assert.Equal(1, (int)first["otherOpenTasks"]!);
        Assert.True((bool)first["overdue"]!);

        var latest = (await _host.Http.GetFromJsonAsync<JsonObject>("/api/v1/tasks?page=1&pageSize=5&sort=-due"))!["items"]!.AsArray();
        var dues = latest.Select(i => (DateTimeOffset)i!["dueAt"]!).ToList();
        Assert.Equal(dues.OrderDescending(), dues);
        Assert.NotEqual(lead.Id.ToString(), (string?)latest[0]!["leadId"]);
        using var bad = await _host.Http.GetAsync("/api/v1/tasks?page=1&pageSize=5000");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["pageSize"]);
        // The older shape, for the clients that read it: a bare list, one item per task.
        var legacy = (await _host.Http.GetFromJsonAsync<JsonArray>("/api/v1/tasks?limit=1"))!;
        Assert.Equal(2, legacy.Count(i => (string?)i!["leadId"] == lead.Id.ToString()));
    }

    [Fact]
    public async Task The_dashboard_queue_shows_the_count_of_every_open_task_and_a_link_to_the_next_page()
    {
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        using var ana = await LeadPlatform.FollowUp.Tests.Dashboard.DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);

        var page = await ana.Http.GetStringAsync("/dashboard?scope=all");
        Assert.Contains($"{Leads} open tasks", page, StringComparison.Ordinal);
        Assert.Contains("page=2", page, StringComparison.Ordinal);
        var rows = await ana.Http.GetStringAsync("/dashboard/queue/rows?scope=all&page=11&pageSize=50");
        Assert.Equal(Leads - 500, rows.Split("data-lead-id=", StringSplitOptions.None).Length - 1);
    }
}
