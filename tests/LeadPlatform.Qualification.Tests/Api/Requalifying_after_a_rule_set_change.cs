using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Qualification.Rules;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LeadPlatform.Qualification.Tests.Api;

/// <summary>An operator changes the rule set and re-runs qualification: only changed outcomes become new decisions.</summary>
public sealed class Requalifying_after_a_rule_set_change : IDisposable
{
    private const string OperatorKey = "operator-key-for-tests";
    private readonly string _folder = Directory.CreateTempSubdirectory("leadplatform-requalify-").FullName;

    [Fact]
    public async Task Publishes_new_decisions_only_where_the_outcome_changed_and_keeps_the_history()
    {
        var american = SampleMessages.QuoteRequestSubmitted();
        var canadian = SampleMessages.QuoteRequestSubmitted() with { Person = SampleMessages.QuoteRequestSubmitted().Person with { Country = "CA" } };
        await using (var before = await StartAsync())
        {
            var mediator = before.App.Services.GetRequiredService<IMediator>();
            await mediator.Publish(american, TestContext.Current.CancellationToken);
            await mediator.Publish(canadian, TestContext.Current.CancellationToken);
        }

        // Version 2 of the rules stops serving the United States.
        var rules = JsonNode.Parse(RuleSet.ReadEmbeddedJson(RuleSet.DefaultVersion))!;
        rules["version"] = "2026-12-01";
        rules["disqualifications"]!["serviceCountry"]!["countries"] = new JsonArray("CA", "MX");
        var file = Path.Combine(_folder, "rules-2026-12-01.json");
        await File.WriteAllTextAsync(file, rules.ToJsonString(), TestContext.Current.CancellationToken);

        await using var after = await StartAsync($"--Qualification:RuleSetFile={file}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/qualifications/requalify");
        request.Headers.Add("X-Operator-Key", OperatorKey);
        using var response = await after.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("2026-12-01", report!["ruleSetVersion"]!.GetValue<string>());
        Assert.Equal(2, report["examined"]!.GetValue<int>());
        Assert.Equal(1, report["changed"]!.GetValue<int>());
        Assert.Equal(1, report["unchanged"]!.GetValue<int>());

        var history = await after.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{american.LeadId}", TestContext.Current.CancellationToken);
        Assert.Equal(["qualified", "disqualified"], history!.Select(d => d!["outcome"]!.GetValue<string>()));
        Assert.Equal([false, true], history!.Select(d => d!["current"]!.GetValue<bool>()));
        Assert.Equal("requalified", history![1]!["trigger"]!.GetValue<string>());
        var untouched = await after.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{canadian.LeadId}", TestContext.Current.CancellationToken);
        Assert.Single(untouched!);

        // Running it again under the same version changes nothing.
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/qualifications/requalify");
        again.Headers.Add("X-Operator-Key", OperatorKey);
        var second = await (await after.Http.SendAsync(again, TestContext.Current.CancellationToken)).Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(0, second!["changed"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    public async Task Refuses_a_caller_without_the_operator_key(string? key, HttpStatusCode expected)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/qualifications/requalify");
        if (key is not null) request.Headers.Add("X-Operator-Key", key);

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Is_off_until_an_operator_key_is_configured()
    {
        await using var host = await RunningHost.StartAsync(QualificationHost.Build, "--Bus:Transport=InProcess", "--Storage:Provider=LiteDb",
            $"--Storage:DataFolder={Path.Combine(_folder, "off")}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/qualifications/requalify");
        request.Headers.Add("X-Operator-Key", "anything");

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_lead_who_opted_out_of_everything_gets_no_further_qualification_events()
    {
        await using var host = await StartAsync();
        var mediator = host.App.Services.GetRequiredService<IMediator>();
        var request = SampleMessages.QuoteRequestSubmitted();
        await mediator.Publish(new LeadPlatform.Contracts.LeadOptedOut { LeadId = request.LeadId, OccurredAt = DateTimeOffset.UtcNow, Channel = "all", Source = "coordinator" },
            TestContext.Current.CancellationToken);

        await mediator.Publish(request, TestContext.Current.CancellationToken);

        var store = host.App.Services.GetRequiredService<LeadPlatform.Qualification.Storage.IQualificationStore>();
        var decision = await store.GetAsync(request.QuoteRequestId, TestContext.Current.CancellationToken);
        Assert.NotNull(decision);
        Assert.Empty(decision.Outbox);
    }

    private Task<RunningHost> StartAsync(params string[] extra) => RunningHost.StartAsync(QualificationHost.Build,
        ["--Bus:Transport=InProcess", "--Storage:Provider=LiteDb", $"--Storage:DataFolder={Path.Combine(_folder, "data")}",
         $"--Qualification:OperatorApiKey={OperatorKey}", .. extra]);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
