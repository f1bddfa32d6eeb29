using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Tests.Dashboard;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests.Scheduling;

/// <summary>
/// Over real HTTP with signed-in people, at 22:00 or 23:00 in San Francisco: the compose form schedules by default, the
/// lead page and the queue show what waits, a coordinator cancels it with the button; the contact rule table is shown
/// read-only to admins and compliance officers (page and API), not to coordinators.
/// </summary>
public sealed class Scheduling_on_the_dashboard : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(6), TimeSpan.Zero));
    private OutreachHost _host = null!;

    private AccountService Accounts => _host.Host.App.Services.GetRequiredService<AccountService>();

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(_time, $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}");
        await Eventually.GetAsync(() => Accounts.FindAsync(AdminEmail), a => a is not null, what: "the bootstrap admin");
        await Accounts.CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator]);
        await Accounts.CreateAsync("carl@clinic.example", "Carl", Password, [Roles.ComplianceOfficer]);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_text_composed_at_night_is_scheduled_by_default_shown_on_the_lead_page_and_in_the_queue_and_cancelled_with_the_button()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password, _time);
        var compose = $"/dashboard/leads/{lead.LeadId}/compose?channel=sms";
        var form = await ana.Http.GetStringAsync(compose);
        Assert.Matches("<input type=\"checkbox\" id=\"when-not-allowed-now\" name=\"whenNotAllowedNow\" value=\"schedule\" checked", form);

        using var sent = await ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/compose",
            new() { ["channel"] = "sms", ["body"] = "Hi Maria, your quote is ready: may I call you about it?", ["whenNotAllowedNow"] = "schedule" }, compose);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("notice=scheduled", sent.Headers.Location!.OriginalString);
        var page = await ana.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}");
        Assert.Contains("id=\"scheduled-outreach\"", page);
        Assert.Contains("Hi Maria, your quote is ready", page);
        Assert.Contains("Cancel</button>", page);
        var queue = await ana.Http.GetStringAsync("/dashboard");
        Assert.Contains("id=\"waiting-outreach\"", queue);

        var id = (Guid)(await _host.Http.GetFromJsonAsync<JsonArray>($"/api/v1/leads/{lead.LeadId}/scheduled-outreach"))![0]!["id"]!;
        using var cancelled = await ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/scheduled-outreach/{id}/cancel", [], $"/dashboard/leads/{lead.LeadId}");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var after = await ana.Http.GetStringAsync($"/dashboard/leads/{lead.LeadId}");
        Assert.Contains("cancelled", after);
        Assert.DoesNotContain("Cancel</button>", after);
        Assert.DoesNotContain("id=\"waiting-outreach\"", await ana.Http.GetStringAsync("/dashboard"));
    }

    [Fact]
    public async Task A_text_composed_at_night_with_the_box_unticked_is_refused_with_the_reason()
    {
        var lead = await _host.SubmittedAsync(OutreachHost.WithSmsAndPhoneConsent);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password, _time);
        var compose = $"/dashboard/leads/{lead.LeadId}/compose?channel=sms";

        using var sent = await ana.PostFormAsync($"/dashboard/leads/{lead.LeadId}/compose",
            new() { ["channel"] = "sms", ["body"] = "Hi Maria, your quote is ready: may I call you about it?" }, compose);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Contains("quiet-hours", html);
        Assert.DoesNotContain("value=\"schedule\" checked", html);
        Assert.Empty(await _host.Http.GetFromJsonAsync<JsonArray>($"/api/v1/leads/{lead.LeadId}/scheduled-outreach") ?? []);
    }

    [Fact]
    public async Task The_contact_rule_table_is_shown_read_only_to_compliance_officers_and_admins_with_sources_and_verification()
    {
        using var carl = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password, _time);
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password, _time);
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password, _time);

        var table = (await carl.Http.GetFromJsonAsync<JsonObject>("/api/v1/compliance/contact-rules"))!;
        var rules = table["rules"]!.AsArray();
        Assert.Equal(Compliance.ContactRuleTable.Default.Version, (string?)table["version"]);
        var florida = rules.Single(r => (string?)r!["id"] == "us-fl.ftsa")!;
        Assert.Equal("Fla. Stat. § 501.059(8)(a) (as amended by Laws of Fla. ch. 2023-75)", (string?)florida["source"]);
        Assert.Equal(("08:00", "20:00", 3), ((string?)florida["windowFrom"], (string?)florida["windowUntil"], (int?)florida["frequencyMax"]));
        Assert.Equal("cited", (string?)florida["verification"]);
        Assert.Equal("unverified", (string?)rules.Single(r => (string?)r!["id"] == "es.default")!["verification"]);
        Assert.Equal("product-policy", (string?)rules.Single(r => (string?)r!["id"] == "default.country")!["verification"]);

        var page = await admin.Http.GetStringAsync("/dashboard/contact-rules");
        Assert.Contains("us.tcpa.calling-hours@1", page);
        Assert.Contains("64.1200(c)(1)", page);
        Assert.DoesNotContain("action=\"/dashboard/contact-rules", page); // read-only: nothing posts to it

        using var forbidden = await ana.Http.GetAsync("/api/v1/compliance/contact-rules");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
