using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.TestSupport;
using MassTransit.Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadPlatform.FollowUp.Tests;

/// <summary>
/// The follow-up host as it runs standalone (in-process bus, LiteDB under a temporary data folder, file channels), on
/// Kestrel with real HTTP, optionally on a fixed clock (texts and calls depend on the lead's local time).
/// </summary>
public sealed class OutreachHost : IAsyncDisposable
{
    public const string ClinicAddress = "Spine Care Clinic, 100 Market Street, San Francisco, CA 94105, USA";
    public const string WebhookSecret = "test-only-sms-webhook-secret";

    private OutreachHost(RunningHost host, string dataFolder, ServerExceptions exceptions) =>
        (Host, DataFolder, Exceptions) = (host, dataFolder, exceptions);

    public RunningHost Host { get; }
    /// <summary>Every exception a request ended in (the 500s), with its request: for a test to print when it sees a 500.</summary>
    public ServerExceptions Exceptions { get; }
    public string DataFolder { get; }
    public HttpClient Http => Host.Http;
    public ILeadStore Leads => Host.App.Services.GetRequiredService<ILeadStore>();

    /// <summary>Tomorrow 18:00 UTC: 10:00 or 11:00 in San Francisco, inside calling hours, and after any consent a test records now.</summary>
    public static FakeTimeProvider DuringCallingHours() =>
        new(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(18), TimeSpan.Zero));

    /// <param name="time">A fixed clock, or the system's.</param>
    /// <param name="settings">More command-line settings, e.g. <c>--FollowUp:Smtp:Host=127.0.0.1</c>.</param>
    public static async Task<OutreachHost> StartAsync(TimeProvider? time = null, params string[] settings)
    {
        var dataFolder = Directory.CreateTempSubdirectory("leadplatform-outreach-").FullName;
        var exceptions = new ServerExceptions();
        var host = await RunningHost.StartAsync(
            args => FollowUpHost.Build(args, b =>
            {
                if (time is not null) b.Services.AddSingleton(time);
                // The product hashes passwords with Identity's work factor (PBKDF2, 100,000 iterations: about 90 ms of CPU
                // a sign-in here). These tests sign staff in hundreds of times, and the hashing was a quarter of this
                // project's CPU (dotnet-trace); a thousand iterations check the same code paths.
                b.Services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
                b.Services.AddSingleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>(exceptions);
            }),
            [
                "--Bus:Transport=InProcess",
                "--Storage:Provider=LiteDb",
                $"--Storage:DataFolder={dataFolder}",
                "--Outbox:PollInterval=00:00:00.100",
                $"--FollowUp:ClinicPostalAddress={ClinicAddress}",
                $"--FollowUp:SmsWebhookSecret={WebhookSecret}",
                .. settings,
            ]);
        return new OutreachHost(host, dataFolder, exceptions);
    }

    /// <summary>A lead as follow-up learns it from intake's event (no task yet, so no acknowledgement).</summary>
    /// <summary>
    /// The host with a bootstrap admin (<paramref name="adminEmail"/>, <paramref name="password"/>), started and waited for:
    /// for tests that sign staff in (see <see cref="StaffAsync"/>).
    /// </summary>
    public static async Task<OutreachHost> StartWithAdminAsync(TimeProvider? time, string adminEmail, string password, params string[] settings)
    {
        var host = await StartAsync(time, [$"--Auth:BootstrapAdmin:Email={adminEmail}", $"--Auth:BootstrapAdmin:Password={password}", .. settings]);
        var accounts = host.Host.App.Services.GetRequiredService<LeadPlatform.FollowUp.Auth.AccountService>();
        await Eventually.GetAsync(() => accounts.FindAsync(adminEmail), a => a is not null, what: "the bootstrap admin");
        return host;
    }

    /// <summary>A staff account with one role, created and signed in to the dashboard.</summary>
    public async Task<LeadPlatform.FollowUp.Tests.Dashboard.DashboardSession> StaffAsync(string email, string name, string password, string role)
    {
        var accounts = Host.App.Services.GetRequiredService<LeadPlatform.FollowUp.Auth.AccountService>();
        Xunit.Assert.NotNull((await accounts.CreateAsync(email, name, password, [role])).Account);
        return await LeadPlatform.FollowUp.Tests.Dashboard.DashboardSession.SignedInAsync(Host.Address, email, password);
    }

    public async Task<QuoteRequestSubmitted> SubmittedAsync(Func<QuoteRequestSubmitted, QuoteRequestSubmitted>? change = null)
    {
        var submitted = SampleMessages.QuoteRequestSubmitted();
        if (change is not null) submitted = change(submitted);
        await Host.App.Services.GetRequiredService<IMediator>().Publish(submitted);
        await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId), l => l is not null, what: "the lead");
        return submitted;
    }

    /// <summary>A submitted lead qualified in tier B, once its follow-up task exists; its id.</summary>
    /// <param name="longAgo">Qualified three days before the host's clock, so that tier B's SLA of four business hours has run
    /// out whatever day the test runs: qualified now, a Friday evening's or a weekend's task is still inside it tomorrow.</param>
    public async Task<Guid> QualifiedLeadAsync(Func<QuoteRequestSubmitted, QuoteRequestSubmitted>? change = null, bool longAgo = false)
    {
        var submitted = await SubmittedAsync(change);
        var qualified = SampleMessages.LeadQualified(submitted.LeadId, submitted.QuoteRequestId, "B");
        if (longAgo)
        {
            qualified = qualified with { OccurredAt = Host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-3) };
        }

        await Host.App.Services.GetRequiredService<IMediator>().Publish(qualified);
        await Eventually.GetAsync(() => Leads.GetAsync(submitted.LeadId), l => l?.Tasks.Count == 1, what: "the follow-up task");
        return submitted.LeadId;
    }

    /// <summary>Consent to texts and calls as intake records it (written consent text and version).</summary>
    public static QuoteRequestSubmitted WithSmsAndPhoneConsent(QuoteRequestSubmitted submitted) => submitted with
    {
        Consent = submitted.Consent with
        {
            Sms = new ChannelConsent { Granted = true, Text = "I agree to receive text messages about my inquiry.", TextVersion = "2026-11", GrantedAt = submitted.OccurredAt },
            Phone = new ChannelConsent { Granted = true, Text = "I agree to receive calls about my inquiry. Consent is not a condition of purchase.", TextVersion = "2026-11", GrantedAt = submitted.OccurredAt },
        },
    };

    public Task<HttpResponseMessage> SendAsync(Guid leadId, string channel, string body, string? subject = null) =>
        Http.PostAsJsonAsync($"/api/v1/leads/{leadId}/outreach", new { channel, subject, body, author = "coordinator.ana" });

    public async Task<JsonObject> EvidenceAsync(Guid leadId) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}/evidence"))!;

    public async Task<JsonObject> LeadAsync(Guid leadId) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/v1/leads/{leadId}"))!;

    public string[] OutboxFiles(string channel)
    {
        var folder = Path.Combine(DataFolder, "outbox", channel);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, channel == "email" ? "*.eml" : "*.json") : [];
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>
/// Records the exception of each request that failed with one (and lets the product's own handler answer as always): the
/// console log of a CI run is filtered, so a test that sees a 500 prints these beside its failure.
/// </summary>
public sealed class ServerExceptions : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _seen = new();

    public IReadOnlyCollection<string> All => _seen;

    public ValueTask<bool> TryHandleAsync(Microsoft.AspNetCore.Http.HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        _seen.Enqueue($"{httpContext.Request.Method} {httpContext.Request.Path} (trace {System.Diagnostics.Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier}): {exception}");
        return ValueTask.FromResult(false);
    }
}
