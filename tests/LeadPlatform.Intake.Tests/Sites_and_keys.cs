using System.Net;
using LeadPlatform.TestSupport;

namespace LeadPlatform.Intake.Tests;

public sealed class Sites_and_keys(SharedIntake intake) : IClassFixture<SharedIntake>
{
    private IntakeServer Server => intake.Server;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-site-key-012345678")]
    [InlineData("test-site-key-0123456789x")]
    [InlineData("TEST-SITE-KEY-0123456789")]
    public async Task A_missing_or_unknown_key_is_refused_with_401_and_nothing_is_stored(string? key)
    {
        var before = await Server.CountAsync();

        using var response = await Server.PostJsonAsync(SampleQuoteRequest.Create(), apiKey: key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Server.CountAsync());
    }

    [Fact]
    public async Task A_request_is_recorded_under_the_site_whose_key_it_carries()
    {
        using var response = await Server.PostJsonAsync(SampleQuoteRequest.Create(), apiKey: IntakeServer.OtherKey);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await Server.Store.GetAsync((await IntakeServer.QuoteRequestIdOf(response)));
        Assert.Equal("other", stored!.SiteId);
        Assert.Equal("other", stored.Submission.SiteId);
    }

    [Fact]
    public async Task A_browser_request_with_a_valid_key_from_a_page_of_another_origin_is_refused_with_403()
    {
        var before = await Server.CountAsync();

        using var response = await Server.PostJsonAsync(SampleQuoteRequest.Create(), origin: IntakeServer.OtherOrigin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await Server.CountAsync());
    }

    [Fact]
    public async Task A_browser_request_from_one_of_the_sites_origins_is_accepted()
    {
        using var response = await Server.PostJsonAsync(SampleQuoteRequest.Create(), origin: IntakeServer.TestOrigin);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://clinic.example")]
    [InlineData("https://clinic.example:8443")]
    [InlineData("null")]
    public async Task A_form_post_from_a_page_at_a_disallowed_origin_is_refused_with_403_and_nothing_is_stored(string origin)
    {
        var before = await Server.CountAsync();

        using var response = await Server.PostFormAsync(IntakeServer.FormOf(SampleQuoteRequest.Create()), origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Server.CountAsync());
    }

    [Fact]
    public async Task A_form_post_with_neither_key_nor_origin_is_refused_with_401()
    {
        using var response = await Server.PostFormAsync(IntakeServer.FormOf(SampleQuoteRequest.Create()), origin: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Another_sites_key_cannot_see_a_request_and_is_told_it_does_not_exist()
    {
        using var posted = await Server.PostJsonAsync(SampleQuoteRequest.Create());
        var quoteRequestId = await IntakeServer.QuoteRequestIdOf(posted);

        using var other = await Server.GetStatusAsync(quoteRequestId, IntakeServer.OtherKey);
        using var none = await Server.GetStatusAsync(quoteRequestId, apiKey: null);
        using var own = await Server.GetStatusAsync(quoteRequestId);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData(IntakeServer.TestOrigin, true)]
    [InlineData(IntakeServer.OtherOrigin, true)]
    [InlineData("https://evil.example", false)]
    public async Task A_CORS_preflight_is_allowed_only_from_a_configured_sites_origin(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/quote-requests");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key,idempotency-key");

        using var response = await Server.Http.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {response.StatusCode}");
        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, allowOrigin);
    }
}
