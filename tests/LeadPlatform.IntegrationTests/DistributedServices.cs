using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.FollowUp;
using LeadPlatform.Intake;
using LeadPlatform.Qualification;
using LeadPlatform.TestSupport;

namespace LeadPlatform.IntegrationTests;

/// <summary>
/// The three services, each its own host with its own configuration as in production: RabbitMQ, its own database
/// (MongoDB when <c>MONGODB_URI</c> is set, else its own LiteDB folder), optionally Seq.
/// </summary>
public sealed class DistributedServices : IAsyncDisposable
{
    public const string IntakeApiKey = "integration-test-site-key";
    public const string OperatorKey = "integration-test-operator-key";

    private readonly string _dataRoot;

    private DistributedServices(string dataRoot, RunningHost intake, RunningHost qualification, RunningHost followUp)
    {
        (_dataRoot, Intake, Qualification, FollowUp) = (dataRoot, intake, qualification, followUp);
    }

    public RunningHost Intake { get; }
    public RunningHost Qualification { get; }
    public RunningHost FollowUp { get; }

    /// <summary>The folder under which each service keeps its LiteDB folder (<c>intake</c>, <c>qualification</c>, <c>followup</c>).</summary>
    public string DataRoot => _dataRoot;

    /// <param name="followUpArguments">More configuration for follow-up (for example its clinic address, so acknowledgements are sent).</param>
    public static async Task<DistributedServices> StartAsync(string rabbitMqUri, string? seqUrl = null, params string[] followUpArguments)
    {
        var dataRoot = Directory.CreateTempSubdirectory("leadplatform-distributed-").FullName;
        string[] For(string service) => ArgumentsFor(service, rabbitMqUri, dataRoot, seqUrl);
        // Consumers first: their queues must be bound before intake publishes.
        var followUp = await RunningHost.StartAsync(FollowUpHost.Build, [.. For("followup"), .. followUpArguments]);
        var qualification = await RunningHost.StartAsync(QualificationHost.Build, For("qualification"));
        var intake = await RunningHost.StartAsync(IntakeHost.Build, For("intake"));
        intake.Http.DefaultRequestHeaders.Add("X-Api-Key", IntakeApiKey);
        return new DistributedServices(dataRoot, intake, qualification, followUp);
    }

    /// <summary>
    /// The configuration a service gets here (and in the fault tests that host a service in its own process): the
    /// broker, its own database (its own LiteDB folder <c>{dataRoot}/{service}</c> unless <c>MONGODB_URI</c> is set), Seq.
    /// </summary>
    public static string[] ArgumentsFor(string service, string rabbitMqUri, string dataRoot, string? seqUrl = null)
    {
        var mongo = Environment.GetEnvironmentVariable("MONGODB_URI");
        return
        [
            "--Bus:Transport=RabbitMq",
            $"--Bus:RabbitMqUri={rabbitMqUri}",
            .. mongo is null
                ? new[] { "--Storage:Provider=LiteDb", $"--Storage:DataFolder={Path.Combine(dataRoot, service)}" }
                : ["--Storage:Provider=MongoDb", $"--Storage:MongoConnectionString={mongo}", $"--Storage:MongoDatabasePrefix=lp{Guid.NewGuid():N}"],
            .. seqUrl is null ? Array.Empty<string>() : [$"--Seq:ServerUrl={seqUrl}", "--Seq:PeriodMs=100"],
            "--Outbox:PollInterval=00:00:00.200",
            $"--Intake:Sites:integration:ApiKey={IntakeApiKey}",
            $"--Privacy:OperatorApiKey={OperatorKey}",
        ];
    }

    /// <summary>
    /// Posts the request (202 expected: it names the quote request only) and finds its lead as an integration does,
    /// through follow-up's <c>GET /api/v1/leads?quoteRequestId=</c> with the API token (waits until follow-up has it).
    /// </summary>
    public async Task<(Guid QuoteRequestId, Guid LeadId)> SubmitAsync(JsonObject request)
    {
        using var response = await Intake.Http.PostAsJsonAsync("/api/v1/quote-requests", request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Null(body!["leadId"]);
        var quoteRequestId = Guid.Parse(body["quoteRequestId"]!.GetValue<string>());
        return (quoteRequestId, await FollowUpApi.LeadIdOfAsync(FollowUp.Http, quoteRequestId, TimeSpan.FromSeconds(60)));
    }

    /// <summary>Posts the request (202 expected) and returns its lead with the email it was sent with.</summary>
    public async Task<(Guid LeadId, string Email)> SubmitWithEmailAsync(JsonObject request)
    {
        var (_, leadId) = await SubmitAsync(request);
        return (leadId, request["email"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        await Intake.DisposeAsync();
        await Qualification.DisposeAsync();
        await FollowUp.DisposeAsync();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
