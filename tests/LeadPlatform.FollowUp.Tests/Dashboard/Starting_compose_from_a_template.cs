using System.Net;
using System.Text.RegularExpressions;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// The compose page lists the templates offered for the lead as links; following one (as a browser does, from the href the
/// page rendered, not a URL built by hand) fills the draft in. It rendered <c>&amp;amp;template=</c> and reloaded an empty page.
/// </summary>
public sealed partial class Starting_compose_from_a_template : IAsyncLifetime
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

    [Fact]
    public async Task Following_the_template_link_the_page_rendered_fills_the_draft_in_for_the_lead()
    {
        var templateId = DefaultTemplates.All.Single(t => t.Channel == "email").Id;
        var leadId = (await _host.SubmittedAsync()).LeadId;
        var lead = (await _host.Leads.GetAsync(leadId))!;

        var page = await Eventually.GetAsync(() => _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel=email"),
            p => p.Contains($"template={templateId}", StringComparison.Ordinal), what: "the template link");
        var href = WebUtility.HtmlDecode(TemplateLink().Matches(page).Select(m => m.Groups[1].Value).Single(h => h.Contains(templateId.ToString(), StringComparison.Ordinal)));
        Assert.Equal($"/dashboard/leads/{leadId}/compose?channel=email&template={templateId}", href);

        var filled = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync(href));
        Assert.Contains($"Hello {lead.Person!.FirstName},", filled, StringComparison.Ordinal);
        Assert.Contains("My name is Ana", filled, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(/dashboard/leads/[^\"]+/compose\\?[^\"]+)\"")]
    private static partial Regex TemplateLink();
}
