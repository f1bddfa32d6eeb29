using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.Intake.Tests;

public sealed class Limiting_the_rate_of_requests
{
    [Fact]
    public async Task A_client_IP_over_its_limit_is_answered_429_with_Retry_After_and_nothing_is_stored()
    {
        await using var server = await IntakeServer.StartAsync(
            "--Intake:RateLimits:PerClientIp:PermitLimit=3", "--Intake:RateLimits:PerClientIp:Window=00:10:00");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await server.PostJsonAsync(SampleQuoteRequest.Create());
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }
        var before = await server.CountAsync();

        using var limited = await server.PostJsonAsync(SampleQuoteRequest.Create());
        using var limitedForm = await server.PostFormAsync(IntakeServer.FormOf(SampleQuoteRequest.Create()));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedForm.StatusCode);
        Assert.Equal("text/html", limitedForm.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await server.CountAsync());
    }

    [Fact]
    public async Task A_limited_client_is_told_how_long_its_window_has_left_and_is_accepted_again_once_it_has_ended()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await IntakeServer.StartAsync(s => s.AddSingleton<TimeProvider>(time),
            "--Intake:RateLimits:PerClientIp:PermitLimit=2", "--Intake:RateLimits:PerClientIp:Window=00:10:00");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await server.PostJsonAsync(SampleQuoteRequest.Create());
            Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(4));
        using var limited = await server.PostJsonAsync(SampleQuoteRequest.Create());
        time.Advance(TimeSpan.FromMinutes(6));
        using var again = await server.PostJsonAsync(SampleQuoteRequest.Create());

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(6), limited.Headers.RetryAfter!.Delta!.Value);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task Polling_the_status_of_a_request_does_not_use_up_the_submission_budget_of_the_client_IP()
    {
        await using var server = await IntakeServer.StartAsync(
            "--Intake:RateLimits:PerClientIp:PermitLimit=2", "--Intake:RateLimits:PerClientIp:Window=00:10:00");
        using var first = await server.PostJsonAsync(SampleQuoteRequest.Create());
        var quoteRequestId = Guid.Parse((string)(await first.Content.ReadFromJsonAsync<JsonObject>())!["quoteRequestId"]!);

        for (var i = 0; i < 10; i++)
        {
            using var status = await server.GetStatusAsync(quoteRequestId);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }
        using var second = await server.PostJsonAsync(SampleQuoteRequest.Create());
        using var third = await server.PostJsonAsync(SampleQuoteRequest.Create());

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests), (second.StatusCode, third.StatusCode));
    }

    [Fact]
    public async Task A_site_over_its_limit_is_answered_429_while_other_sites_go_on()
    {
        await using var server = await IntakeServer.StartAsync(
            "--Intake:RateLimits:PerSite:PermitLimit=2", "--Intake:RateLimits:PerSite:Window=00:10:00");
        using var first = await server.PostJsonAsync(SampleQuoteRequest.Create());
        using var second = await server.PostFormAsync(IntakeServer.FormOf(SampleQuoteRequest.Create()));

        using var third = await server.PostJsonAsync(SampleQuoteRequest.Create());
        using var otherSite = await server.PostJsonAsync(SampleQuoteRequest.Create(), apiKey: IntakeServer.OtherKey);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, otherSite.StatusCode);
    }
}
