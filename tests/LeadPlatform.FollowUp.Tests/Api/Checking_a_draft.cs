using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LeadPlatform.FollowUp.Tests.Api;

public sealed class Checking_a_draft : IAsyncLifetime
{
    private OutreachHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await OutreachHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonObject Body)> CheckAsync(object draft)
    {
        using var response = await _host.Http.PostAsJsonAsync("/api/v1/compliance/check", draft);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task A_claim_is_blocked_with_its_rule_the_words_as_written_and_where_they_are()
    {
        const string body = "Good news: our therapy cures spondylolysis.";

        var (status, result) = await CheckAsync(new { condition = "spondylolysis", channel = "email", subject = "Your options", body });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("blocked", (string?)result["decision"]);
        var violation = result["violations"]!.AsArray().Single(v => (string?)v!["rule"] == "claims.cure")!;
        Assert.Equal("cures", (string?)violation["match"]);
        Assert.Equal(body.IndexOf("cures", StringComparison.Ordinal), (int)violation["start"]!);
        Assert.Equal(5, (int)violation["length"]!);
        Assert.Equal("body", (string?)violation["field"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)violation["advice"]));
    }

    [Fact]
    public async Task An_honest_text_is_cleared_with_the_spondylolysis_disclaimers_and_the_full_message()
    {
        const string body = "Thank you for your questions. Stem-cell treatment is investigational; a coordinator can explain what is and is not known.";

        var (status, result) = await CheckAsync(new { condition = "spondylolysis", channel = "email", subject = "Your questions", body });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cleared", (string?)result["decision"]);
        Assert.Equal("claims_and_disclaimers", (string?)result["basis"]);
        Assert.Empty(result["violations"]!.AsArray());
        var disclaimer = Assert.Single(result["disclaimers"]!.AsArray())!;
        Assert.Equal("evidence.spondylolysis.email", (string?)disclaimer["id"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)disclaimer["version"]));
        var message = (string)result["message"]!;
        Assert.StartsWith(body, message, StringComparison.Ordinal);
        Assert.Contains((string)disclaimer["text"]!, message, StringComparison.Ordinal);
        Assert.Contains("not approved by the U.S. Food and Drug Administration", message, StringComparison.Ordinal);
        Assert.Contains(OutreachHost.ClinicAddress, message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadDrafts => new()
    {
        { """{ "condition": "spondylolysis", "channel": "fax", "body": "Hello" }""", "channel" },
        { """{ "condition": "spondylolysis", "channel": "email", "subject": "Hi" }""", "body" },
        { """{ "condition": "spondylolysis", "channel": "sms", "body": "   " }""", "body" },
        { $$"""{ "condition": "spondylolysis", "channel": "email", "subject": "Hi", "body": "{{new string('a', 5001)}}" }""", "body" },
        { """{ "channel": "email", "subject": "Hi", "body": "Hello" }""", "condition" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Bad_input_is_refused_with_400_naming_the_field(string json, string field)
    {
        using var response = await _host.Http.PostAsync("/api/v1/compliance/check", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors should name {field}: {problem.ToJsonString()}");
    }

    [Fact]
    public async Task With_a_lead_its_consent_is_checked_too_the_answer_says_so_and_nothing_is_recorded()
    {
        var lead = await _host.SubmittedAsync(); // consent to email only

        var (status, result) = await CheckAsync(new { leadId = lead.LeadId, channel = "sms", body = "We received your request." });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("blocked", (string?)result["decision"]);
        Assert.Equal("lead", (string?)result["basis"]);
        Assert.Equal(lead.LeadId.ToString(), (string?)result["leadId"]);
        Assert.Contains(result["violations"]!.AsArray(), v => (string?)v!["rule"] == "consent.missing");
        Assert.Empty((await _host.EvidenceAsync(lead.LeadId))["records"]!.AsArray());
        Assert.Empty(_host.OutboxFiles("sms"));
    }
}
