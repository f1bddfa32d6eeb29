using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

/// <summary>
/// The limits count the right client and the right requests, over real HTTP: X-Forwarded-For is believed only from a
/// configured proxy, an IPv6 /64 is one client, and requests refused for a bad key, a foreign origin or an invalid body
/// never spend the site's budget (so a flood of junk cannot get the site's real visitors a 429).
/// </summary>
public sealed class Limiting_the_rate_behind_a_proxy_and_against_junk
{
    private static async Task<HttpStatusCode> PostAsync(IntakeServer server, string? forwardedFor, JsonNode? body = null, string? apiKey = IntakeServer.TestKey, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/quote-requests") { Content = JsonContent.Create(body ?? SampleQuoteRequest.Create()) };
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Refused_requests_do_not_spend_the_site_s_budget_so_a_real_visitor_after_a_flood_of_junk_is_accepted()
    {
        await using var server = await IntakeServer.StartAsync(
            "--Intake:RateLimits:PerSite:PermitLimit=3", "--Intake:RateLimits:PerSite:Window=00:10:00");
        var invalid = SampleQuoteRequest.Create();
        invalid["email"] = "not an email";
        invalid["phone"] = null;
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(server, null, invalid));
            Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(server, null, origin: "https://evil.example"));
            Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(server, null, apiKey: "not-a-site-key-0123456789"));
        }

        // 30 refusals later the site's whole budget is still there for real visitors, and then it is spent.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Accepted, await PostAsync(server, null));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(server, null));
    }

    [Fact]
    public async Task X_Forwarded_For_from_a_client_that_is_not_a_configured_proxy_is_ignored_so_rotating_it_does_not_bypass_the_limit()
    {
        await using var server = await IntakeServer.StartAsync(
            "--Intake:RateLimits:PerClientIp:PermitLimit=3", "--Intake:RateLimits:PerClientIp:Window=00:10:00");
        for (var i = 1; i <= 3; i++) Assert.Equal((i, HttpStatusCode.Accepted), (i, await PostAsync(server, $"203.0.113.{i}")));

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(server, "203.0.113.99"));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_visitor_has_their_own_budget_and_an_IPv6_64_counts_as_one_visitor()
    {
        await using var server = await IntakeServer.StartAsync(
            "--ForwardedHeaders:KnownProxies:0=127.0.0.1", "--ForwardedHeaders:KnownProxies:1=::1",
            "--Intake:RateLimits:PerClientIp:PermitLimit=2", "--Intake:RateLimits:PerClientIp:Window=00:10:00");
        // Two visitors behind the same proxy.
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(server, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(server, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(server, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(server, "198.51.100.8"));

        // Rotating addresses inside one IPv6 /64 is one client; the next /64 is another.
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(server, "2001:db8:1:2::1"));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(server, "2001:db8:1:2:aaaa::2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(server, "2001:db8:1:2:ffff:ffff:ffff:3"));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(server, "2001:db8:1:3::1"));
    }
}
