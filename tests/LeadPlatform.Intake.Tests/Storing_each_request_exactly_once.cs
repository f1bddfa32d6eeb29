using System.Net;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.Intake.Tests;

public sealed class Storing_each_request_exactly_once : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private IntakeServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await IntakeServer.StartAsync(s => s.AddSingleton<TimeProvider>(_time));

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_same_form_posted_many_times_in_parallel_stores_one_request()
    {
        var request = SampleQuoteRequest.Create();
        var before = await _server.CountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _server.PostJsonAsync(request)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(IntakeServer.QuoteRequestIdOf));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await _server.CountAsync());
    }

    [Fact]
    public async Task The_same_plain_form_posted_twice_in_parallel_stores_one_request_and_both_land_on_the_thank_you_page()
    {
        var fields = IntakeServer.FormOf(SampleQuoteRequest.Create());
        var before = await _server.CountAsync();

        var responses = await Task.WhenAll(_server.PostFormAsync(fields), _server.PostFormAsync(fields));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        Assert.Equal(before + 1, await _server.CountAsync());
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_in_parallel_store_one_request()
    {
        var request = SampleQuoteRequest.Create();
        var key = Guid.NewGuid().ToString();
        var before = await _server.CountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _server.PostJsonAsync(request, idempotencyKey: key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single((await Task.WhenAll(responses.Select(IntakeServer.QuoteRequestIdOf))).Distinct());
        Assert.Equal(before + 1, await _server.CountAsync());
    }

    [Fact]
    public async Task A_replay_with_the_same_idempotency_key_and_body_answers_the_original_even_after_the_dedupe_window()
    {
        var request = SampleQuoteRequest.Create();
        var key = Guid.NewGuid().ToString();
        using var first = await _server.PostJsonAsync(request, idempotencyKey: key);
        var before = await _server.CountAsync();
        _time.Advance(TimeSpan.FromHours(2));

        using var replay = await _server.PostJsonAsync(JsonNode.Parse(request.ToJsonString()), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(await IntakeServer.QuoteRequestIdOf(first), await IntakeServer.QuoteRequestIdOf(replay));
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before, await _server.CountAsync());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused_with_422_and_nothing_is_stored()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await _server.PostJsonAsync(SampleQuoteRequest.Create(), idempotencyKey: key);
        var before = await _server.CountAsync();

        using var other = await _server.PostJsonAsync(SampleQuoteRequest.Create(), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _server.CountAsync());
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_its_site()
    {
        var request = SampleQuoteRequest.Create();
        var key = Guid.NewGuid().ToString();
        using var mine = await _server.PostJsonAsync(request, idempotencyKey: key);

        using var theirs = await _server.PostJsonAsync(request, apiKey: IntakeServer.OtherKey, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, theirs.StatusCode);
        Assert.NotEqual((await IntakeServer.QuoteRequestIdOf(mine)), (await IntakeServer.QuoteRequestIdOf(theirs)));
    }

    [Fact]
    public async Task A_resubmission_within_the_dedupe_window_is_answered_with_the_original_and_not_stored_again()
    {
        var request = SampleQuoteRequest.Create();
        using var first = await _server.PostJsonAsync(request);
        var before = await _server.CountAsync();
        _time.Advance(TimeSpan.FromMinutes(9));
        request["formRenderedAt"] = _time.GetUtcNow().AddMinutes(-1).ToString("O"); // the back button renders the form again
        request["source"]!["utmCampaign"] = "retargeting";

        using var again = await _server.PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await IntakeServer.QuoteRequestIdOf(first), await IntakeServer.QuoteRequestIdOf(again));
        Assert.Equal(before, await _server.CountAsync());
    }

    [Fact]
    public async Task The_same_request_after_the_dedupe_window_is_stored_as_a_new_request_of_the_same_lead()
    {
        var request = SampleQuoteRequest.Create();
        using var first = await _server.PostJsonAsync(request);
        var before = await _server.CountAsync();
        _time.Advance(TimeSpan.FromMinutes(10));

        using var later = await _server.PostJsonAsync(request);
        using var doubleClick = await _server.PostJsonAsync(request);

        var firstId = await IntakeServer.QuoteRequestIdOf(first);
        var laterId = await IntakeServer.QuoteRequestIdOf(later);
        Assert.NotEqual(firstId, laterId);
        Assert.Equal(await _server.LeadIdOfAsync(firstId), await _server.LeadIdOfAsync(laterId));
        Assert.Equal(laterId, (await IntakeServer.QuoteRequestIdOf(doubleClick)));
        Assert.Equal(before + 1, await _server.CountAsync());
    }

    [Fact]
    public async Task The_same_request_posted_in_parallel_after_the_window_stores_exactly_one_new_request()
    {
        var request = SampleQuoteRequest.Create();
        using var first = await _server.PostJsonAsync(request);
        var before = await _server.CountAsync();
        _time.Advance(TimeSpan.FromMinutes(11));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _server.PostJsonAsync(request)));

        var ids = (await Task.WhenAll(responses.Select(IntakeServer.QuoteRequestIdOf))).Distinct().ToList();
        Assert.Single(ids);
        Assert.NotEqual((await IntakeServer.QuoteRequestIdOf(first)), ids[0]);
        Assert.Equal(before + 1, await _server.CountAsync());
    }

    [Fact]
    public async Task A_resubmission_that_changes_the_consent_is_a_new_request()
    {
        var request = SampleQuoteRequest.Create();
        using var first = await _server.PostJsonAsync(request);
        request["consent"]!["sms"] = new JsonObject
        {
            ["granted"] = true,
            ["text"] = "Text me. Consent is not a condition of purchase.",
            ["textVersion"] = "2026-11",
        };

        using var withSms = await _server.PostJsonAsync(request);

        Assert.NotEqual((await IntakeServer.QuoteRequestIdOf(first)), (await IntakeServer.QuoteRequestIdOf(withSms)));
    }
}
