using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// Admins write message templates per channel and language; the compliance check screens every save and a template it
/// blocks is not stored; coordinators start a message from one, filled in for the lead, and the send is checked again.
/// Over real HTTP, with the dashboard's forms and the JSON API.
/// </summary>
public sealed class Writing_message_templates : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private static readonly Guid DefaultEmail = DefaultTemplates.All.Single(t => t.Channel == "email").Id;
    private OutreachHost _host = null!;
    private DashboardSession _admin = null!;
    private DashboardSession _ana = null!;
    private DashboardSession _carl = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(OutreachHost.DuringCallingHours(), $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}");
        var accounts = _host.Host.App.Services.GetRequiredService<AccountService>();
        await Eventually.GetAsync(() => accounts.FindAsync(AdminEmail), a => a is not null, what: "the bootstrap admin");
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator])).Account);
        // The admin enrols a second factor on the host's clock (admins must).
        _admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password, _host.Host.App.Services.GetRequiredService<TimeProvider>());
        _ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        Assert.NotNull((await accounts.CreateAsync("carl@clinic.example", "Carl", Password, [Roles.ComplianceOfficer])).Account);
        _carl = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password);
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _ana.Dispose();
        _carl.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<List<JsonObject>> TemplatesAsync(HttpClient http, string query = "?includeRetired=true") =>
        (await http.GetFromJsonAsync<List<JsonObject>>($"/api/v1/templates{query}"))!;

    private static Dictionary<string, string> Form(string name, string channel, string body, string? subject = null, string language = "en") => new()
    {
        ["name"] = name, ["channel"] = channel, ["language"] = language, ["condition"] = "spondylolysis", ["subject"] = subject ?? string.Empty, ["body"] = body,
    };

    [Fact]
    public async Task A_new_installation_offers_first_contact_templates_that_the_compliance_check_clears()
    {
        var templates = await Eventually.GetAsync(() => TemplatesAsync(_host.Http, string.Empty), t => t.Count >= 2, what: "the default templates");
        Assert.Equal(["email", "sms"], templates.Select(t => (string)t["channel"]!).Order());
        foreach (var template in templates)
        {
            using var check = await _host.Http.PostAsJsonAsync("/api/v1/compliance/check", new
            {
                channel = (string)template["channel"]!, subject = (string?)template["subject"], body = (string)template["body"]!, condition = "spondylolysis",
            });
            var result = (await check.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True((string)result["decision"]! == "cleared", $"The default {template["channel"]} template is blocked: {result["violations"]}");
        }
    }

    [Fact]
    public async Task The_default_templates_are_written_approved_by_the_system()
    {
        var templates = await Eventually.GetAsync(() => TemplatesAsync(_host.Http, string.Empty), t => t.Count >= 2, what: "the default templates");
        Assert.All(templates.Where(t => DefaultTemplates.All.Any(d => d.Id == (Guid)t["id"]!)), t =>
        {
            Assert.True((bool)t["approved"]!);
            Assert.Equal("system", (string?)t["approvedBy"]);
        });
    }

    [Fact]
    public async Task An_older_installations_unchanged_defaults_are_approved_by_the_system_and_edited_ones_wait_for_a_compliance_officer()
    {
        var folder = Directory.CreateTempSubdirectory("leadplatform-templates-").FullName;
        try
        {
            using var database = LeadPlatform.Storage.LiteDbFiles.Open(folder, "templates.db");
            var store = new LiteDbTemplateStore(database);
            var unchanged = DefaultTemplates.All.Single(t => t.Channel == "email");
            unchanged.UpdatedBy = "system";
            var edited = DefaultTemplates.All.Single(t => t.Channel == "sms");
            edited.UpdatedBy = "system";
            edited.Body += " Kind regards.";
            Assert.True(await store.TryInsertAsync(unchanged));
            Assert.True(await store.TryInsertAsync(edited));

            await new DefaultTemplates(store, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DefaultTemplates>.Instance).StartAsync(default);

            Assert.True((await store.GetAsync(unchanged.Id))!.IsApproved);
            Assert.Equal("system", (await store.GetAsync(unchanged.Id))!.ApprovedBy);
            Assert.False((await store.GetAsync(edited.Id))!.IsApproved);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_template_is_offered_to_coordinators_only_once_a_compliance_officer_approved_that_revision_and_an_edit_needs_approval_again()
    {
        var leadId = (await _host.SubmittedAsync()).LeadId;
        using var created = await _admin.Http.PostAsJsonAsync("/api/v1/templates", new
        {
            name = "Check-in", channel = "sms", language = "en", body = "Hello {first_name}, this is {coordinator}. Is a short call this week convenient?",
        });
        var template = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (Guid)template["id"]!;
        Assert.False((bool)template["approved"]!);
        Assert.DoesNotContain($"template={id}", await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel=sms"), StringComparison.Ordinal);
        using (var unapproved = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach", new { channel = "sms", body = "Hello", templateId = id }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unapproved.StatusCode);
            Assert.True((await unapproved.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("templateId"));
        }
        using (var byAdminOnly = await _ana.Http.PostAsJsonAsync($"/api/v1/templates/{id}/approve", new { revision = 1 })) Assert.Equal(HttpStatusCode.Forbidden, byAdminOnly.StatusCode);

        using var approved = await _carl.Http.PostAsJsonAsync($"/api/v1/templates/{id}/approve", new { revision = (long)template["revision"]! });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = (await approved.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)view["approved"]!);
        Assert.Equal("Carl", (string?)view["approvedBy"]);
        Assert.Contains($"template={id}", await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel=sms"), StringComparison.Ordinal);

        using var edited = await _admin.Http.PutAsJsonAsync($"/api/v1/templates/{id}", new
        {
            name = "Check-in", channel = "sms", language = "en", body = "Hello {first_name}, this is {coordinator} again. Is a call this week convenient?", version = (long)view["version"]!,
        });
        var after = (await edited.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False((bool)after["approved"]!);
        Assert.Equal(2, (long)after["revision"]!);
        Assert.DoesNotContain($"template={id}", await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel=sms"), StringComparison.Ordinal);
        using (var stale = await _carl.Http.PostAsJsonAsync($"/api/v1/templates/{id}/approve", new { revision = 1 })) Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var page = await _carl.Http.GetStringAsync($"/dashboard/templates/{id}");
        Assert.Contains("id=\"approve-template\"", page, StringComparison.Ordinal);
        using var byForm = await _carl.PostFormAsync($"/dashboard/templates/{id}/approve", new() { ["revision"] = "2" }, $"/dashboard/templates/{id}");
        Assert.Equal(HttpStatusCode.Redirect, byForm.StatusCode);
        Assert.True((bool)(await _carl.Http.GetFromJsonAsync<JsonObject>($"/api/v1/templates/{id}"))!["approved"]!);
    }

    [Fact]
    public async Task A_message_from_an_approved_template_is_cleared_without_review_and_only_what_the_coordinator_adds_is_screened()
    {
        var lead = await _host.SubmittedAsync();
        // An approved text the claims screen alone would hold for review: the officer approved it, so a message made from it is not held.
        using var created = await _admin.Http.PostAsJsonAsync("/api/v1/templates", new
        {
            name = "Booking reminder", channel = "email", language = "en", subject = "Your consultation",
            body = "Hello {first_name}, this is {coordinator}. Please book your consultation before it is too late for this month's slots.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("review", (string?)template["screeningDecision"]);
        var id = (Guid)template["id"]!;
        using (var approve = await _carl.Http.PostAsJsonAsync($"/api/v1/templates/{id}/approve", new { revision = 1 })) Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var stored = (await _host.Leads.GetAsync(lead.LeadId))!;
        var (subject, text) = TemplateService.Render((await _host.Host.App.Services.GetRequiredService<TemplateService>().GetAsync(id))!, stored, "Ana");

        using var asIs = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach", new { channel = "email", subject, body = text, templateId = id });
        Assert.Equal(HttpStatusCode.Accepted, asIs.StatusCode);
        Assert.Equal("sent", (string?)(await asIs.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        var evidence = (await _host.EvidenceAsync(lead.LeadId))["records"]!.AsArray()[^1]!;
        Assert.Contains($"template:{id:D}@1", evidence["approvedContent"]!.AsArray().Select(a => (string?)a));

        using var added = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach",
            new { channel = "email", subject, body = text + "\n\nP.S. Please book soon, before it is too late for your spine.", templateId = id });
        var held = (await added.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("held_for_review", (string?)held["status"]);
        var finding = Assert.Single(held["findings"]!.AsArray())!;
        Assert.True((int)finding["start"]! > text.Length, "only the added text is screened");

        using var without = await _ana.Http.PostAsJsonAsync($"/api/v1/leads/{lead.LeadId}/outreach", new { channel = "email", subject, body = text });
        Assert.Equal("held_for_review", (string?)(await without.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
    }

    [Fact]
    public async Task A_template_the_compliance_check_blocks_is_not_saved_and_the_page_marks_why()
    {
        var before = (await TemplatesAsync(_admin.Http)).Count;

        using var refused = await _admin.PostFormAsync("/dashboard/templates",
            Form("Miracle offer", "email", "Hello {first_name}, our therapy cures spondylolysis.", "Good news"), "/dashboard/templates/new");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Blocked by the compliance check", page, StringComparison.Ordinal);
        Assert.Matches("<mark class=\"violation\"[^>]*>cures", page);
        Assert.Contains("our therapy cures spondylolysis", page, StringComparison.Ordinal); // what they wrote is kept, to fix it
        Assert.Equal(before, (await TemplatesAsync(_admin.Http)).Count);

        using var saved = await _admin.PostFormAsync("/dashboard/templates",
            Form("Studies", "email", "Hello {first_name}, I can tell you what the studies of {condition} do and do not show.", "About the studies"),
            "/dashboard/templates/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Matches("^/dashboard/templates/[0-9a-f-]{36}\\?notice=saved$", saved.Headers.Location!.OriginalString);
        var stored = (await TemplatesAsync(_admin.Http)).Single(t => (string)t["name"]! == "Studies");
        Assert.Equal("cleared", (string)stored["screeningDecision"]!);
        Assert.Contains(stored["disclaimers"]!.AsArray(), d => ((string)d!).Contains("spondylolysis.email@", StringComparison.Ordinal));
        var admin = await _host.Host.App.Services.GetRequiredService<AccountService>().FindAsync(AdminEmail);
        Assert.Equal(admin!.DisplayName, (string)stored["updatedBy"]!);
    }

    [Fact]
    public async Task A_change_is_screened_again_and_a_blocked_or_stale_change_keeps_the_saved_text()
    {
        using var created = await _admin.Http.PostAsJsonAsync("/api/v1/templates", new
        {
            name = "Reminder", channel = "sms", language = "en", body = "Hello {first_name}, this is {coordinator}. Shall we talk this week?",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var path = created.Headers.Location!.OriginalString;
        var version = (long)template["version"]!;

        using var blocked = await _admin.Http.PutAsJsonAsync(path, new
        {
            name = "Reminder", channel = "sms", language = "en", body = "Hello {first_name}, results are guaranteed. Shall we talk?", version,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        var problem = (await blocked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["violations"]!.AsArray(), v => ((string)v!["match"]!).Contains("guaranteed", StringComparison.OrdinalIgnoreCase));
        Assert.Equal((string)template["body"]!, (string)(await _admin.Http.GetFromJsonAsync<JsonObject>(path))!["body"]!);

        using var changed = await _admin.Http.PutAsJsonAsync(path, new
        {
            name = "Reminder", channel = "sms", language = "en", body = "Hello {first_name}, this is {coordinator} again. Is a call this week convenient?", version,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var stale = await _admin.Http.PutAsJsonAsync(path, new
        {
            name = "Reminder", channel = "sms", language = "en", body = "Hello {first_name}, an older edit.", version,
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("again", (string)(await _admin.Http.GetFromJsonAsync<JsonObject>(path))!["body"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "sms", "Hello", null, "name")]
    [InlineData("No subject", "email", "Hello", null, "subject")]
    [InlineData("Unknown field", "sms", "Hello {last_name}", null, "body")]
    [InlineData("Fax", "fax", "Hello", null, "channel")]
    [InlineData("Bad language", "sms", "Hello", "english!", "language")]
    public async Task An_invalid_template_is_refused_naming_the_field_and_nothing_is_saved(string name, string channel, string body, string? language, string field)
    {
        var before = (await TemplatesAsync(_admin.Http)).Count;
        using var response = await _admin.Http.PostAsJsonAsync("/api/v1/templates", new { name, channel, body, language, subject = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors: {problem["errors"]}");
        Assert.Equal(before, (await TemplatesAsync(_admin.Http)).Count);
    }

    [Fact]
    public async Task Coordinators_and_API_tokens_read_templates_but_only_admins_write_them()
    {
        var before = (await TemplatesAsync(_admin.Http)).Count;
        var body = new { name = "Sneaky", channel = "sms", language = "en", body = "Hello {first_name}." };

        Assert.NotEmpty(await TemplatesAsync(_ana.Http));
        Assert.NotEmpty(await TemplatesAsync(_host.Http));
        using (var byCoordinator = await _ana.Http.PostAsJsonAsync("/api/v1/templates", body)) Assert.Equal(HttpStatusCode.Forbidden, byCoordinator.StatusCode);
        using (var byToken = await _host.Http.PostAsJsonAsync("/api/v1/templates", body)) Assert.Equal(HttpStatusCode.Forbidden, byToken.StatusCode);
        using (var retire = await _host.Http.DeleteAsync($"/api/v1/templates/{DefaultEmail}")) Assert.Equal(HttpStatusCode.Forbidden, retire.StatusCode);
        using (var page = await _ana.Http.GetAsync("/dashboard/templates"))
        {
            Assert.StartsWith("/dashboard/forbidden", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using (var form = await _ana.PostFormAsync("/dashboard/templates", Form("Sneaky", "sms", "Hello {first_name}."), "/dashboard"))
        {
            Assert.StartsWith("/dashboard/forbidden", form.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var anonymous = new DashboardSession(_host.Host.Address);
        using (var none = await anonymous.Http.GetAsync("/api/v1/templates")) Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        var after = await TemplatesAsync(_admin.Http);
        Assert.Equal(before, after.Count);
        Assert.False((bool)after.Single(t => (Guid)t["id"]! == DefaultEmail)["retired"]!);
    }

    [Fact]
    public async Task A_coordinator_starts_from_a_template_filled_in_for_the_lead_and_a_retired_one_is_no_longer_offered()
    {
        await Eventually.GetAsync(() => TemplatesAsync(_admin.Http), t => t.Count >= 2, what: "the default templates");
        var leadId = (await _host.SubmittedAsync()).LeadId;
        var lead = (await _host.Leads.GetAsync(leadId))!;

        var compose = WebUtility.HtmlDecode(await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel=email&template={DefaultEmail}"));
        Assert.Contains($"Hello {lead.Person!.FirstName},", compose, StringComparison.Ordinal);
        Assert.Contains("My name is Ana", compose, StringComparison.Ordinal);
        Assert.Contains("value=\"Your questions about spondylolysis\"", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("{first_name}", compose, StringComparison.Ordinal);

        var (subject, text) = TemplateService.Render(DefaultTemplates.All.Single(t => t.Id == DefaultEmail), lead, "Ana");
        using var sent = await _ana.PostFormAsync($"/dashboard/leads/{leadId}/compose",
            new() { ["channel"] = "email", ["subject"] = subject!, ["body"] = text }, $"/dashboard/leads/{leadId}/compose?channel=email");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var email = MimeMessage.Load(Assert.Single(_host.OutboxFiles("email")));
        Assert.Equal("Your questions about spondylolysis", email.Subject);
        Assert.Contains("My name is Ana", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("is investigational", email.TextBody, StringComparison.Ordinal); // the gate attached the disclaimer

        using var retired = await _admin.PostFormAsync($"/dashboard/templates/{DefaultEmail}/retire", new() { ["retired"] = "true" }, $"/dashboard/templates/{DefaultEmail}");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var after = await _ana.Http.GetStringAsync($"/dashboard/leads/{leadId}/compose?channel=email&template={DefaultEmail}");
        Assert.DoesNotContain($"template={DefaultEmail}", after, StringComparison.Ordinal);
        Assert.DoesNotContain("My name is Ana", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
    }
}
