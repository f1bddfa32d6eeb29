using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Api;

/// <summary>
/// A lead's decisions hold health data (condition, treatments, flags, score): the qualification host answers only a
/// caller with one of the API tokens (<c>Auth:ApiTokens</c>) that follow-up accepts, and checks it itself.
/// </summary>
public sealed class Reading_a_lead_s_decisions : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-qualification-auth-").FullName;
    private RunningHost _host = null!;
    private Guid _leadId;

    public async ValueTask InitializeAsync()
    {
        _host = await RunningHost.StartAsync(QualificationHost.Build, "--Bus:Transport=InProcess", "--Storage:Provider=LiteDb",
            $"--Storage:DataFolder={_folder}", "--Qualification:OperatorApiKey=operator-key-for-tests");
        var request = SampleMessages.QuoteRequestSubmitted();
        _leadId = request.LeadId;
        await _host.App.Services.GetRequiredService<IMediator>().Publish(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-configured-token-0123456789")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdHM6dGVzdA==")]
    public async Task Refuses_a_caller_without_a_configured_API_token(string? authorization)
    {
        using var http = new HttpClient { BaseAddress = _host.Address };
        foreach (var path in new[] { $"/api/v1/qualifications/{_leadId}", $"/api/v1/qualifications/{Guid.NewGuid()}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("score", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("condition", body, StringComparison.OrdinalIgnoreCase);
        }
        using var requalify = new HttpRequestMessage(HttpMethod.Post, "/api/v1/qualifications/requalify");
        requalify.Headers.Add("X-Operator-Key", "operator-key-for-tests");
        if (authorization is not null) requalify.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var refused = await http.SendAsync(requalify, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Answers_an_integration_with_a_configured_API_token()
    {
        using var http = new HttpClient { BaseAddress = _host.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestApiToken.Value);

        var decisions = await http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{_leadId}", TestContext.Current.CancellationToken);

        Assert.Equal(_leadId.ToString(), (string?)Assert.Single(decisions!)!["leadId"]);
    }
}
