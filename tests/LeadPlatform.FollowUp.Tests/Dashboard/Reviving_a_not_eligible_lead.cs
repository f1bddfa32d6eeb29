using System.Net;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// A not-eligible lead's status list shows "Not eligible" (it pre-selected "New", so one Save revived the lead with no reason
/// and no task). Leaving "not eligible" needs a reason and goes through the eligibility override: a task is opened.
/// </summary>
public sealed partial class Reviving_a_not_eligible_lead : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private DashboardSession _ana = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours());
        await _host.Host.App.Services.GetRequiredService<AccountService>().CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        _ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
    }

    public async ValueTask DisposeAsync()
    {
        _ana.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<Guid> NotEligibleLeadAsync()
    {
        var submitted = await _host.SubmittedAsync();
        await _host.Host.App.Services.GetRequiredService<IMediator>().Publish(SampleMessages.LeadDisqualified(submitted.LeadId, submitted.QuoteRequestId));
        await Eventually.GetAsync(() => _host.Leads.GetAsync(submitted.LeadId), l => l?.Status == LeadStatus.NotEligible, what: "not eligible");
        return submitted.LeadId;
    }

    [Fact]
    public async Task The_status_list_shows_not_eligible_and_saving_it_unchanged_leaves_the_lead_not_eligible()
    {
        var leadId = await NotEligibleLeadAsync();

        var page = await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}");
        var select = StatusSelect().Match(page);
        Assert.True(select.Success, "the lead page has a status list");
        Assert.Equal(LeadStatus.NotEligible.Name(), Assert.Single(SelectedOption().Matches(select.Value)).Groups[1].Value);

        using var saved = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/status", new() { ["status"] = LeadStatus.NotEligible.Name() }, $"/dashboard/leads/{leadId}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var lead = (await _host.Leads.GetAsync(leadId))!;
        Assert.Equal(LeadStatus.NotEligible, lead.Status);
        Assert.Empty(lead.Tasks);
    }

    [Fact]
    public async Task Moving_it_to_new_without_a_reason_is_refused_and_with_a_reason_opens_a_task_like_the_override()
    {
        var leadId = await NotEligibleLeadAsync();

        using var withoutReason = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/status", new() { ["status"] = LeadStatus.New.Name() }, $"/dashboard/leads/{leadId}");
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("reason", await withoutReason.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var unchanged = (await _host.Leads.GetAsync(leadId))!;
        Assert.Equal(LeadStatus.NotEligible, unchanged.Status);
        Assert.Empty(unchanged.Tasks);
        Assert.DoesNotContain(unchanged.Timeline, e => e.Kind.Name() == "status_changed");

        using var revived = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/status",
            new() { ["status"] = LeadStatus.New.Name(), ["reason"] = "Confirmed by phone that the date of birth was mistyped." }, $"/dashboard/leads/{leadId}");
        Assert.Equal(HttpStatusCode.Redirect, revived.StatusCode);
        var lead = (await _host.Leads.GetAsync(leadId))!;
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.Single(lead.Tasks, t => t.Status == FollowUpTaskStatus.Open);
        var entry = Assert.Single(lead.Timeline, e => e.Kind.Name() == "eligibility_overridden");
        Assert.Equal("Ana", entry.Actor);
        Assert.Equal("Confirmed by phone that the date of birth was mistyped.", entry.Details["reason"]);
        Assert.Contains($"/dashboard/leads/{leadId}", await _ana.Http.GetStringAsync("/dashboard/queue/rows?scope=all"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<select id=\"new-status\"[^>]*>.*?</select>", RegexOptions.Singleline)]
    private static partial Regex StatusSelect();

    [GeneratedRegex("<option value=\"([^\"]+)\" selected")]
    private static partial Regex SelectedOption();
}
