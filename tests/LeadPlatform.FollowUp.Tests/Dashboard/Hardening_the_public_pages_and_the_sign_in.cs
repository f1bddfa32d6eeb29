using System.Net;
using LeadPlatform.Compliance;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.FollowUp.Tests.Dashboard;

/// <summary>
/// Over real HTTP: every HTML page follow-up serves (sign-in, unsubscribe, disclaimers, their error pages) carries the
/// security headers and cannot be framed; a return URL with control characters is a safe redirect, never a 500; behind
/// a TLS proxy that is configured, the session cookie is Secure and HSTS is sent; names with hidden characters are refused.
/// </summary>
public sealed class Hardening_the_public_pages_and_the_sign_in : IAsyncLifetime
{
    private const string AdminEmail = "admin@clinic.example";
    private const string Password = "correct horse battery staple";
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await OutreachHost.StartAsync(null, $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}",
            "--ForwardedHeaders:KnownProxies:0=10.9.8.7"); // a proxy that is not this test: its forwarded headers are not believed
        await Eventually.GetAsync(() => _host.Host.App.Services.GetRequiredService<LeadPlatform.FollowUp.Auth.AccountService>().FindAsync(AdminEmail),
            a => a is not null, what: "the bootstrap admin");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_HTML_page_carries_the_CSP_with_frame_ancestors_none_nosniff_and_a_referrer_policy()
    {
        var lead = await _host.SubmittedAsync();
        var token = _host.Host.App.Services.GetRequiredService<UnsubscribeTokens>().Issue(lead.LeadId);
        using var anonymous = new DashboardSession(_host.Host.Address);
        var pages = new List<(string What, HttpResponseMessage Response)>
        {
            ("sign-in", await anonymous.Http.GetAsync("/dashboard/sign-in")),
            ("unsubscribe", await anonymous.Http.GetAsync($"/unsubscribe/{token}")),
            ("unsubscribe, bad link", await anonymous.Http.GetAsync("/unsubscribe/not-a-token")),
            ("unsubscribe, bad link posted", await anonymous.Http.PostAsync("/unsubscribe/not-a-token", null)),
            ("unsubscribed", await anonymous.Http.PostAsync($"/unsubscribe/{token}", null)),
            ("disclaimer", await anonymous.Http.GetAsync("/disclaimers/spondylolysis")),
        };
        try
        {
            foreach (var (what, response) in pages)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{what}: {response.Content.Headers.ContentType}");
                Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{what} ({(int)response.StatusCode}) has no Content-Security-Policy");
                var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
                Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
                Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
                Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: HSTS over plain HTTP");
            }
        }
        finally
        {
            foreach (var (_, response) in pages) response.Dispose();
        }
    }

    [Theory]
    [InlineData("/\u0001x", "/dashboard")]
    [InlineData("/a\tb", "/dashboard")]
    [InlineData("/\u0085x", "/dashboard")]
    [InlineData("/\u202Eevil", "/dashboard")]
    [InlineData("/a\r\nSet-Cookie: x=y", "/dashboard")]
    [InlineData("/dashboard/leads?q=José", "/dashboard/leads?q=Jos%C3%A9")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/a\u0800b\U0001F600", "/a%E0%A0%80b%F0%9F%98%80")]
    [InlineData("/a\uFFFDb", "/a%EF%BF%BDb")]
    public async Task Signing_in_with_a_return_url_holding_control_characters_goes_to_the_dashboard_and_letters_beyond_ascii_go_there_encoded_never_a_500(string returnUrl, string location)
    {
        // A fuzz run found the second kind: a response header holds ASCII only, so a return URL with "é" in it was a 500 after
        // the right password.
        using var session = new DashboardSession(_host.Host.Address);
        using var page = await session.Http.GetAsync($"/dashboard/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var signIn = await session.PostFormAsync("/dashboard/sign-in",
            new() { ["email"] = AdminEmail, ["password"] = Password, ["returnUrl"] = returnUrl }, "/dashboard/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(location, signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Forwarded_https_from_a_client_that_is_not_a_configured_proxy_changes_nothing()
    {
        using var session = new DashboardSession(_host.Host.Address);
        session.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var signIn = await session.SignInAsync(AdminEmail, Password);

        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("LeadPlatform.Session=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_configured_TLS_proxy_the_session_cookie_is_Secure_and_HSTS_is_sent()
    {
        await using var behindProxy = await OutreachHost.StartAsync(null, $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={Password}",
            "--ForwardedHeaders:KnownProxies:0=127.0.0.1", "--ForwardedHeaders:KnownProxies:1=::1");
        await Eventually.GetAsync(() => behindProxy.Host.App.Services.GetRequiredService<LeadPlatform.FollowUp.Auth.AccountService>().FindAsync(AdminEmail),
            a => a is not null, what: "the bootstrap admin");
        // As the proxy would pass the browser's requests on: over HTTP, saying the browser spoke HTTPS. (A cookie container
        // keeps Secure cookies from plain HTTP, so the antiforgery cookie is sent by hand.)
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = behindProxy.Host.Address };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
        using var page = await http.GetAsync("/dashboard/sign-in");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("LeadPlatform.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/dashboard/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = AdminEmail, ["password"] = Password, ["returnUrl"] = "/dashboard", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signIn = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("LeadPlatform.Session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", signIn.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Eve\u202Etxt.exe")]
    [InlineData("Ev\u200Be")]
    public async Task An_account_whose_name_has_a_bidi_override_or_an_invisible_character_is_refused(string name)
    {
        using var admin = await DashboardSession.SignedInAsync(_host.Host.Address, AdminEmail, Password);
        using var created = await admin.PostFormAsync("/dashboard/accounts",
            new() { ["email"] = $"eve.{Guid.NewGuid():N}@clinic.example", ["displayName"] = name, ["password"] = Password, ["role"] = "coordinator" }, "/dashboard/accounts");

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("invisible or direction-changing", WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
