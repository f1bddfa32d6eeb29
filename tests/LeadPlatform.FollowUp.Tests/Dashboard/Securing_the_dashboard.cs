using System.Net;
using System.Net.Http.Json;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// Who gets in, over real HTTP: every page and API of follow-up refuses the unauthenticated and the wrong role, every
/// form needs its antiforgery token, and the pages carry the security headers.
/// </summary>
public sealed class Securing_the_dashboard : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;
    private Guid _leadId;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(null, $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}");
        var accounts = _host.Host.App.Services.GetRequiredService<AccountService>();
        await Eventually.GetAsync(() => accounts.FindAsync(AdminEmail), a => a is not null, what: "the bootstrap admin");
        Assert.NotNull((await accounts.CreateAsync("ana@clinic.example", "Ana", Password, [Roles.Coordinator])).Account);
        Assert.NotNull((await accounts.CreateAsync("carl@clinic.example", "Carl", Password, [Roles.ComplianceOfficer])).Account);
        _leadId = (await _host.SubmittedAsync(m => m with { Person = m.Person with { FirstName = "<script>alert(1)</script>" } })).LeadId;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private string[] Pages =>
    [
        "/dashboard", "/dashboard/queue/rows", $"/dashboard/leads/{_leadId}", $"/dashboard/leads/{_leadId}/compose?channel=email",
        $"/dashboard/leads/{_leadId}/call", "/dashboard/not-eligible", "/dashboard/funnel", "/dashboard/accounts",
        "/dashboard/templates", "/dashboard/templates/new", $"/dashboard/templates/{Guid.NewGuid()}", "/dashboard/security/two-factor",
        "/dashboard/reviews", $"/dashboard/reviews/{Guid.NewGuid()}", "/dashboard/disclaimers",
    ];

    private string[] Forms =>
    [
        $"/dashboard/leads/{_leadId}/compose", $"/dashboard/leads/{_leadId}/call", $"/dashboard/leads/{_leadId}/call/{Guid.NewGuid()}/confirm",
        $"/dashboard/leads/{_leadId}/notes", $"/dashboard/leads/{_leadId}/status", $"/dashboard/leads/{_leadId}/override",
        $"/dashboard/leads/{_leadId}/opt-out", "/dashboard/accounts", $"/dashboard/accounts/{Guid.NewGuid()}/availability", "/dashboard/sign-out",
        "/dashboard/templates", $"/dashboard/templates/{Guid.NewGuid()}", $"/dashboard/templates/{Guid.NewGuid()}/retire",
        "/dashboard/security/two-factor", "/dashboard/sign-in/code", .. AccountForms(Guid.NewGuid()),
        $"/dashboard/templates/{Guid.NewGuid()}/approve", $"/dashboard/reviews/{Guid.NewGuid()}/approve",
        $"/dashboard/reviews/{Guid.NewGuid()}/edit-and-approve", $"/dashboard/reviews/{Guid.NewGuid()}/reject",
    ];

    /// <summary>The accounts page's forms for one account: admins only.</summary>
    private static string[] AccountForms(Guid accountId) =>
    [
        $"/dashboard/accounts/{accountId}/role", $"/dashboard/accounts/{accountId}/disable", $"/dashboard/accounts/{accountId}/enable",
        $"/dashboard/accounts/{accountId}/password", $"/dashboard/accounts/{accountId}/second-factor/reset",
    ];

    /// <summary>The compliance officer's own actions: the review queue, template approval and the disclaimer matrix (officers and admins only).</summary>
    private static (HttpMethod Method, string Path)[] ReviewApis =>
    [
        (HttpMethod.Get, "/api/v1/reviews"),
        (HttpMethod.Get, "/api/v1/reviews/labels"),
        (HttpMethod.Get, $"/api/v1/reviews/{Guid.NewGuid()}"),
        (HttpMethod.Post, $"/api/v1/reviews/{Guid.NewGuid()}/approve"),
        (HttpMethod.Post, $"/api/v1/reviews/{Guid.NewGuid()}/edit-and-approve"),
        (HttpMethod.Post, $"/api/v1/reviews/{Guid.NewGuid()}/reject"),
        (HttpMethod.Post, $"/api/v1/templates/{Guid.NewGuid()}/approve"),
    ];

    private (HttpMethod Method, string Path)[] Apis =>
    [
        (HttpMethod.Get, "/api/v1/tasks"),
        (HttpMethod.Get, $"/api/v1/leads/{_leadId}"),
        (HttpMethod.Get, $"/api/v1/leads/{_leadId}/evidence"),
        (HttpMethod.Get, $"/api/v1/leads/{_leadId}/access-log"),
        (HttpMethod.Get, $"/api/v1/leads/{_leadId}/outreach/{Guid.NewGuid()}"),
        (HttpMethod.Post, $"/api/v1/leads/{_leadId}/outreach"),
        (HttpMethod.Post, $"/api/v1/leads/{_leadId}/outreach/{Guid.NewGuid()}/confirm-read"),
        (HttpMethod.Post, $"/api/v1/leads/{_leadId}/opt-outs"),
        (HttpMethod.Post, "/api/v1/compliance/check"),
        (HttpMethod.Get, "/api/v1/templates"),
        (HttpMethod.Post, "/api/v1/templates"),
        (HttpMethod.Put, $"/api/v1/templates/{Guid.NewGuid()}"),
        (HttpMethod.Delete, $"/api/v1/templates/{Guid.NewGuid()}"),
        .. ReviewApis,
    ];

    private static HttpRequestMessage Request(HttpMethod method, string path) => new(method, path)
    {
        Content = method == HttpMethod.Post || method == HttpMethod.Put ? JsonContent.Create(new { channel = "email", subject = "Hello", body = "Hello", coordinator = "x", condition = "spondylolysis" }) : null,
    };

    [Fact]
    public async Task Every_page_and_form_without_a_session_redirects_to_the_sign_in_page()
    {
        using var anonymous = new DashboardSession(_host.Host.Address);
        foreach (var page in Pages)
        {
            using var response = await anonymous.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {page} answered {response.StatusCode}");
            Assert.StartsWith("/dashboard/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        foreach (var form in Forms)
        {
            using var response = await anonymous.Http.PostAsync(form, new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST {form} answered {response.StatusCode}");
        }
        var lead = await _host.Leads.GetAsync(_leadId);
        Assert.DoesNotContain(lead!.Timeline, e => e.Kind.Name() is "note" or "status_changed");
    }

    [Fact]
    public async Task Every_follow_up_API_refuses_a_request_without_a_session_or_with_an_unknown_token()
    {
        using var anonymous = new DashboardSession(_host.Host.Address);
        using var wrongToken = new DashboardSession(_host.Host.Address);
        wrongToken.Http.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-configured-token-0123456789");
        foreach (var (method, path) in Apis)
        {
            using var none = await anonymous.Http.SendAsync(Request(method, path));
            Assert.True(none.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without credentials answered {none.StatusCode}");
            using var wrong = await wrongToken.Http.SendAsync(Request(method, path));
            Assert.True(wrong.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} with a wrong token answered {wrong.StatusCode}");
        }
        Assert.Empty((await _host.Leads.GetAsync(_leadId))!.Evidence);
    }

    [Fact]
    public async Task The_configured_API_token_acts_as_a_coordinator_and_a_session_works_too()
    {
        using var byToken = await _host.Http.GetAsync("/api/v1/tasks");
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);

        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var bySession = await ana.Http.GetAsync($"/api/v1/leads/{_leadId}");
        Assert.Equal(HttpStatusCode.OK, bySession.StatusCode);
    }

    [Fact]
    public async Task Public_doors_stay_open_the_unsubscribe_page_health_and_the_API_description()
    {
        using var anonymous = new DashboardSession(_host.Host.Address);
        foreach (var (path, expected) in new[] { ("/unsubscribe/not-a-token", HttpStatusCode.BadRequest), ("/health/live", HttpStatusCode.OK), ("/openapi/v1.json", HttpStatusCode.OK), ("/dashboard/sign-in", HttpStatusCode.OK) })
        {
            using var response = await anonymous.Http.GetAsync(path);
            Assert.True(response.StatusCode == expected, $"{path} answered {response.StatusCode}");
        }
        // The SMS webhook answers by its own signature check, not with a sign-in.
        using var webhook = await anonymous.Http.PostAsync("/api/v1/sms/inbound", JsonContent.Create(new { from = "+14155550134", body = "STOP" }));
        Assert.NotEqual(HttpStatusCode.Redirect, webhook.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, webhook.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_no_session()
    {
        using var session = new DashboardSession(_host.Host.Address);
        using var response = await session.SignInAsync("ana@clinic.example", "not the password at all");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var page = await session.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task A_compliance_officer_reads_but_cannot_act_on_a_lead_or_manage_accounts()
    {
        using var carl = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password);
        foreach (var page in new[] { "/dashboard", $"/dashboard/leads/{_leadId}", "/dashboard/funnel", "/dashboard/not-eligible" })
        {
            using var response = await carl.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page} answered {response.StatusCode}");
        }
        foreach (var page in new[] { $"/dashboard/leads/{_leadId}/compose", "/dashboard/accounts" })
        {
            using var response = await carl.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/dashboard/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var note = await carl.PostFormAsync($"/dashboard/leads/{_leadId}/notes", new() { ["text"] = "I should not be able to write this" }, "/dashboard");
        Assert.StartsWith("/dashboard/forbidden", note.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var send = await carl.Http.SendAsync(Request(HttpMethod.Post, $"/api/v1/leads/{_leadId}/outreach"));
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        using var optOut = await carl.Http.SendAsync(Request(HttpMethod.Post, $"/api/v1/leads/{_leadId}/opt-outs"));
        Assert.Equal(HttpStatusCode.Forbidden, optOut.StatusCode);
        using var preview = await carl.Http.SendAsync(Request(HttpMethod.Post, "/api/v1/compliance/check"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        using var accessLog = await carl.Http.GetAsync($"/api/v1/leads/{_leadId}/access-log");
        Assert.Equal(HttpStatusCode.OK, accessLog.StatusCode);
        var anaId = (await _host.Host.App.Services.GetRequiredService<AccountService>().FindAsync("ana@clinic.example"))!.Id;
        foreach (var form in AccountForms(anaId))
        {
            using var response = await carl.PostFormAsync(form, new() { ["role"] = Roles.Admin, ["password"] = "an entirely new passphrase" }, "/dashboard");
            Assert.True(response.Headers.Location?.PathAndQuery.StartsWith("/dashboard/forbidden", StringComparison.Ordinal) == true, $"POST {form} answered {response.StatusCode}");
        }
        // Templates: read and approve, never write.
        using var template = await carl.Http.GetAsync($"/dashboard/templates/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, template.StatusCode);
        foreach (var form in new[] { "/dashboard/templates", $"/dashboard/templates/{Guid.NewGuid()}", $"/dashboard/templates/{Guid.NewGuid()}/retire" })
        {
            using var write = await carl.PostFormAsync(form, new() { ["name"] = "x", ["channel"] = "sms", ["body"] = "Hello" }, "/dashboard");
            Assert.StartsWith("/dashboard/forbidden", write.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        foreach (var (method, path) in new[] { (HttpMethod.Post, "/api/v1/templates"), (HttpMethod.Put, $"/api/v1/templates/{Guid.NewGuid()}"), (HttpMethod.Delete, $"/api/v1/templates/{Guid.NewGuid()}") })
        {
            using var write = await carl.Http.SendAsync(Request(method, path));
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }

        var lead = await _host.Leads.GetAsync(_leadId);
        Assert.DoesNotContain(lead!.Timeline, e => e.Kind.Name() == "note");
        Assert.Empty(lead.Outreach);
        Assert.Empty(lead.OptOuts);
    }

    [Fact]
    public async Task Only_compliance_officers_and_admins_reach_the_review_queue_template_approval_and_the_disclaimer_matrix()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var carl = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password);
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
        var identities = new (string Name, HttpClient Http, bool Allowed)[]
        {
            ("coordinator", ana.Http, false), ("API token", _host.Http, false), ("compliance officer", carl.Http, true), ("admin", admin.Http, true),
        };
        foreach (var (name, http, allowed) in identities)
        {
            foreach (var (method, path) in ReviewApis)
            {
                using var response = await http.SendAsync(Request(method, path));
                if (allowed) Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{name}: {method} {path} answered {response.StatusCode}");
                else Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: {method} {path} answered {response.StatusCode}");
            }
            if (http == _host.Http) continue;
            foreach (var page in new[] { "/dashboard/reviews", "/dashboard/disclaimers", "/dashboard/templates" })
            {
                using var response = await http.GetAsync(page);
                if (allowed) Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: GET {page} answered {response.StatusCode}");
                else Assert.StartsWith("/dashboard/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
        using var approveForm = await ana.PostFormAsync($"/dashboard/templates/{Guid.NewGuid()}/approve", new() { ["revision"] = "1" }, "/dashboard");
        Assert.StartsWith("/dashboard/forbidden", approveForm.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_cannot_manage_accounts()
    {
        using var session = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var page = await session.Http.GetAsync("/dashboard/accounts");
        Assert.StartsWith("/dashboard/forbidden", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var create = await session.PostFormAsync("/dashboard/accounts",
            new() { ["email"] = "eve@clinic.example", ["displayName"] = "Eve", ["password"] = Password, ["role"] = Roles.Admin }, "/dashboard");
        Assert.StartsWith("/dashboard/forbidden", create.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Null(await _host.Host.App.Services.GetRequiredService<AccountService>().FindAsync("eve@clinic.example"));

        // Nor change one (her own included), nor read who read a lead.
        var accounts = _host.Host.App.Services.GetRequiredService<AccountService>();
        var ana = (await accounts.FindAsync("ana@clinic.example"))!;
        foreach (var form in AccountForms(ana.Id))
        {
            using var response = await session.PostFormAsync(form, new() { ["role"] = Roles.Admin, ["password"] = "an entirely new passphrase" }, "/dashboard");
            Assert.True(response.Headers.Location?.PathAndQuery.StartsWith("/dashboard/forbidden", StringComparison.Ordinal) == true, $"POST {form} answered {response.StatusCode}");
        }
        Assert.Equal([Roles.Coordinator], (await accounts.GetAsync(ana.Id))!.Roles);
        using var log = await session.Http.GetAsync($"/api/v1/leads/{_leadId}/access-log");
        Assert.Equal(HttpStatusCode.Forbidden, log.StatusCode);
    }

    [Fact]
    public async Task An_admin_adds_a_coordinator_who_can_then_sign_in()
    {
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
        using var create = await admin.PostFormAsync("/dashboard/accounts",
            new() { ["email"] = "bea@clinic.example", ["displayName"] = "Bea", ["password"] = Password, ["role"] = Roles.Coordinator }, "/dashboard/accounts");
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        using var bea = await DashboardSession.SignedInAsync(_host.Host.Address, "bea@clinic.example", Password);
        using var queue = await bea.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_or_with_another_sessions_token_changes_nothing()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        using var carl = await DashboardSession.SignedInAsync(_host.Host.Address, "carl@clinic.example", Password);
        var path = $"/dashboard/leads/{_leadId}/notes";

        using var without = await ana.PostFormAsync(path, new() { ["text"] = "forged without a token" }, tokenPage: null);
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        var othersToken = await carl.TokenAsync("/dashboard");
        using var withOthers = await ana.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "forged with another session's token", ["__RequestVerificationToken"] = othersToken,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, withOthers.StatusCode);
        using var status = await ana.PostFormAsync($"/dashboard/leads/{_leadId}/status", new() { ["status"] = "won" }, tokenPage: null);
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        using var signIn = await new DashboardSession(_host.Host.Address).PostFormAsync("/dashboard/sign-in",
            new() { ["email"] = "ana@clinic.example", ["password"] = Password }, tokenPage: null);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain((await _host.Leads.GetAsync(_leadId))!.Timeline, e => e.Kind.Name() is "note" or "status_changed");

        using var genuine = await ana.PostFormAsync(path, new() { ["text"] = "Called, no answer; will try tomorrow." }, $"/dashboard/leads/{_leadId}");
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        var note = Assert.Single((await _host.Leads.GetAsync(_leadId))!.Timeline, e => e.Kind.Name() == "note");
        Assert.Equal("Ana", note.Actor);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_the_session_cookie_is_http_only_and_same_site()
    {
        using var session = new DashboardSession(_host.Host.Address);
        using var signIn = await session.SignInAsync("ana@clinic.example", Password);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("LeadPlatform.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // A coordinator's pages (accounts, templates, reviews and disclaimers are for admins and compliance officers).
        foreach (var page in Pages.Where(p => !p.Contains("accounts", StringComparison.Ordinal) && !p.Contains("templates", StringComparison.Ordinal)
                     && !p.Contains("reviews", StringComparison.Ordinal) && !p.Contains("disclaimers", StringComparison.Ordinal)).Append("/dashboard/sign-in"))
        {
            using var response = await session.Http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page} answered {response.StatusCode}");
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Stored_text_is_rendered_escaped()
    {
        using var ana = await DashboardSession.SignedInAsync(_host.Host.Address, "ana@clinic.example", Password);
        var html = await ana.Http.GetStringAsync($"/dashboard/leads/{_leadId}");
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }
}
