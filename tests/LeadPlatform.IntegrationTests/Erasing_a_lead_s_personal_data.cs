using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// The data subject's rights on the standalone host (all three services, in-process bus, LiteDB): one export of
/// everything held about a lead, and an erasure that every service carries out and confirms.
/// </summary>
public sealed class Erasing_a_lead_s_personal_data : IAsyncLifetime
{
    private const string OperatorKey = "operator-key-for-erasure-tests-0123";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("leadplatform-erasure-").FullName;
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync(StandaloneHost.Build,
        $"--Storage:DataFolder={_dataFolder}",
        "--Outbox:PollInterval=00:00:00.100",
        $"--Privacy:OperatorApiKey={OperatorKey}",
        "--FollowUp:ClinicPostalAddress=Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA");

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task The_export_holds_everything_from_every_service_and_after_an_erasure_nothing_personal_with_each_service_s_confirmation()
    {
        var email = $"ottoline.vanderbrink+{Guid.NewGuid():N}@fastmail.com";
        var request = SampleQuoteRequest.Create(email: email, phone: "+1 415 555 0166");
        request["firstName"] = "Ottoline";
        request["lastName"] = "Vanderbrink";
        request["message"] = "Walking the dog hurts since June";
        using var posted = await Post("/api/v1/quote-requests", request, ("X-Api-Key", "example-development-key"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var leadId = (await FollowUpApi.LeadIdOfAsync(_host.Http, await FollowUpApi.QuoteRequestIdOf(posted))).ToString();
        await Eventually.GetAsync(() => _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}"),
            l => l?["outreach"]?.AsArray().Any(o => (string?)o!["status"] == "sent") == true, TimeSpan.FromSeconds(30), "the acknowledgement");

        // Operators only.
        using (var anonymous = await _host.Http.GetAsync($"/api/v1/privacy/leads/{leadId}/export"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var wrong = await Post($"/api/v1/privacy/leads/{leadId}/erasure", null, ("X-Operator-Key", OperatorKey + "x")))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var export = await ExportAsync(leadId);
        Assert.Equal(["FollowUp", "Intake", "Qualification"], export["services"]!.AsObject().Select(p => p.Key).Order().ToList());
        var before = Text(export);
        foreach (var value in new[] { email, "+14155550166", "Ottoline", "Vanderbrink", "Walking the dog" })
        {
            Assert.Contains(value, Text(export["services"]!["Intake"]), StringComparison.Ordinal);
            Assert.Contains(value, before, StringComparison.Ordinal);
        }
        Assert.Contains(email, Text(export["services"]!["FollowUp"]), StringComparison.Ordinal);
        Assert.Contains("Ottoline", Text(export["services"]!["Qualification"]), StringComparison.Ordinal);
        var evidenceBefore = export["services"]!["FollowUp"]!["evidence"]!.ToJsonString();

        using var erasure = await Post($"/api/v1/privacy/leads/{leadId}/erasure", null, ("X-Operator-Key", OperatorKey));
        Assert.Equal(HttpStatusCode.Accepted, erasure.StatusCode);
        var erasureId = (string)(await erasure.Content.ReadFromJsonAsync<JsonObject>())!["erasureId"]!;

        var after = await Eventually.GetAsync(() => ExportAsync(leadId),
            e => e?["services"]?["Intake"]?["quoteRequests"]?[0]?["erasureConfirmedBy"]?.AsArray().Count == 3, TimeSpan.FromSeconds(30), "three confirmations");
        Assert.Equal(["FollowUp", "Intake", "Qualification"],
            after!["services"]!["Intake"]!["quoteRequests"]![0]!["erasureConfirmedBy"]!.AsArray().Select(s => (string)s!).Order().ToList());
        var text = Text(after);
        foreach (var value in new[] { email, "ottoline.vanderbrink", "+14155550166", "4155550166", "Ottoline", "Vanderbrink", "Walking the dog" })
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        var followUp = after["services"]!["FollowUp"]!;
        Assert.NotNull((string?)followUp["erasedAt"]);
        Assert.Contains("all", followUp["optOuts"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(evidenceBefore, followUp["evidence"]!.ToJsonString()); // the ledger keeps its hashes, untouched
        Assert.Equal("erasure", (string?)after["services"]!["Qualification"]!["suppressed"]!["source"]);

        // Erasing again changes nothing and answers with the same erasure.
        using (var again = await Post($"/api/v1/privacy/leads/{leadId}/erasure", null, ("X-Operator-Key", OperatorKey)))
            Assert.Equal(erasureId, (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["erasureId"]!);

        // A late request of the erased lead (say, redelivered): qualification decides it but publishes nothing and keeps no personal data.
        var late = SampleMessages.QuoteRequestSubmitted(Guid.Parse(leadId));
        await _host.App.Services.GetRequiredService<IMediator>().Publish(late, TestContext.Current.CancellationToken);
        var decisions = await Eventually.GetAsync(() => _host.Http.GetFromJsonAsync<JsonArray>($"/api/v1/qualifications/{leadId}"),
            d => d?.Count == 2, TimeSpan.FromSeconds(10), "the late decision");
        var lead = await _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}");
        Assert.DoesNotContain(lead!["tasks"]!.AsArray(), t => (string?)t!["quoteRequestId"] == late.QuoteRequestId.ToString());
        Assert.Null((string?)lead["name"]);
        Assert.DoesNotContain("Maria", Text(await ExportAsync(leadId)), StringComparison.Ordinal);
        _ = decisions;
    }

    /// <summary>Every string value of the document, one per line (JSON escapes such as \u002B undone).</summary>
    private static string Text(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => Text(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Text)),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => string.Empty,
    };

    private async Task<JsonObject> ExportAsync(string leadId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/privacy/leads/{leadId}/export");
        request.Headers.Add("X-Operator-Key", OperatorKey);
        using var response = await _host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<HttpResponseMessage> Post(string path, JsonNode? body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return await _host.Http.SendAsync(request);
    }
}
