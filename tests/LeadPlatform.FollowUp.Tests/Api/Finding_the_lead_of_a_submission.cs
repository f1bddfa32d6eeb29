using LeadPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LeadPlatform.FollowUp.Tests.Api;

/// <summary>
/// Intake's public answer names only the quote request; the clinic's own integrations find the lead it was recorded
/// on through follow-up's authenticated API.
/// </summary>
public sealed class Finding_the_lead_of_a_submission : IAsyncLifetime
{
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_integration_with_an_API_token_gets_the_lead_of_a_quote_request()
    {
        var first = await _host.SubmittedAsync();
        var second = SampleMessages.QuoteRequestSubmitted(first.LeadId);
        await _host.Host.App.Services.GetRequiredService<MassTransit.Mediator.IMediator>().Publish(second, TestContext.Current.CancellationToken);
        await Eventually.GetAsync(() => _host.Leads.GetAsync(first.LeadId), l => l?.QuoteRequestIds.Count == 2, what: "the second submission");

        foreach (var quoteRequestId in new[] { first.QuoteRequestId, second.QuoteRequestId })
        {
            var lead = await _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads?quoteRequestId={quoteRequestId}", TestContext.Current.CancellationToken);
            Assert.Equal(first.LeadId.ToString(), (string?)lead!["leadId"]);
        }
    }

    [Fact]
    public async Task An_unknown_or_missing_quote_request_is_a_404_or_a_field_error_and_no_token_is_a_401()
    {
        using var unknown = await _host.Http.GetAsync($"/api/v1/leads?quoteRequestId={Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var missing = await _host.Http.GetAsync("/api/v1/leads", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["errors"]!["quoteRequestId"]);

        var lead = await _host.SubmittedAsync();
        using var anonymous = new HttpClient { BaseAddress = _host.Host.Address };
        using var refused = await anonymous.GetAsync($"/api/v1/leads?quoteRequestId={lead.QuoteRequestId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
