using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.Standalone;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// The standalone composition (intake, qualification and follow-up in one process, in-process bus, LiteDB files) in
/// this process on Kestrel: a quote request posted to intake ends with exactly one acknowledgement email and its evidence.
/// </summary>
public sealed class Acknowledging_a_quote_request : IAsyncLifetime
{
    private const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("leadplatform-acknowledgement-").FullName;
    private RunningHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync(StandaloneHost.Build,
        $"--Storage:DataFolder={_dataFolder}",
        "--Outbox:PollInterval=00:00:00.100",
        $"--FollowUp:ClinicPostalAddress={ClinicAddress}");

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
    public async Task A_posted_quote_request_ends_with_exactly_one_acknowledgement_and_its_evidence_even_if_FollowUpTaskCreated_arrives_twice()
    {
        // The standalone host's documented development site.
        _host.Http.DefaultRequestHeaders.Add("X-Api-Key", "example-development-key");
        using var posted = await _host.Http.PostAsJsonAsync("/api/v1/quote-requests", SampleQuoteRequest.Create(phone: null));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var leadId = (await FollowUpApi.LeadIdOfAsync(_host.Http, await FollowUpApi.QuoteRequestIdOf(posted))).ToString();

        var lead = await Eventually.GetAsync(() => _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}"),
            l => l?["outreach"]?.AsArray().Any(o => (string?)o!["status"] == "sent") == true, TimeSpan.FromSeconds(30), "the acknowledgement");

        // The task's event delivered again, twice (as after a crash between publishing and marking it sent).
        var task = lead!["tasks"]!.AsArray().Single()!;
        var again = new FollowUpTaskCreated
        {
            LeadId = Guid.Parse(leadId),
            TaskId = Guid.Parse((string)task["id"]!),
            QuoteRequestId = Guid.Parse((string)task["quoteRequestId"]!),
            OccurredAt = DateTimeOffset.UtcNow,
            Tier = (string)task["tier"]!,
            DueAt = DateTimeOffset.Parse((string)task["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture),
        };
        var mediator = _host.App.Services.GetRequiredService<IMediator>();
        await mediator.Publish(again, TestContext.Current.CancellationToken);
        await mediator.Publish(again, TestContext.Current.CancellationToken);

        lead = (await _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}"))!;
        var outreach = Assert.Single(lead["outreach"]!.AsArray())!;
        Assert.Equal("acknowledgement", (string?)outreach["kind"]);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_dataFolder, "outbox", "email"), "*.eml"));
        Assert.Equal($"{outreach["outreachId"]}.eml", Path.GetFileName(file));
        var email = MimeMessage.Load(file);
        Assert.Contains("We received your request about spondylolysis", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(ClinicAddress, email.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://127.0.0.1:", email.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        var evidence = (await _host.Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}/evidence"))!;
        var record = Assert.Single(evidence["records"]!.AsArray())!;
        Assert.Equal(("cleared", (string?)outreach["evidenceId"], (string?)outreach["outreachId"]),
            ((string?)record["decision"], (string?)record["evidenceId"], (string?)record["outreachId"]));
        Assert.Equal("system:acknowledgement", (string?)record["author"]);
        Assert.True((bool)evidence["verification"]!["isIntact"]!);
        Assert.Single(lead["timeline"]!.AsArray(), e => (string?)e!["kind"] == "outreach_sent");
    }
}
