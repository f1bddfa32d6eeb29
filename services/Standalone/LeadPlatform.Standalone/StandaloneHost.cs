using LeadPlatform.FollowUp;
using LeadPlatform.Intake;
using LeadPlatform.Qualification;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Standalone;

/// <summary>
/// The embedded default: intake, qualification and follow-up in one process, on MassTransit's mediator (in process, in memory),
/// each with its own LiteDB file under the data folder. No broker, no database server, no Docker.
/// </summary>
public static class StandaloneHost
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Defaults that configuration (appsettings, environment, command line) can override.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Urls"] = DefaultUrl,
        ["Bus:Transport"] = "InProcess",
        ["Storage:Provider"] = "LiteDb",
        // The development site, so the example form and the README's curl work at once. Its key is published here:
        // configure your own sites (Intake:Sites:<siteId>:ApiKey, :AllowedOrigins, :ThankYouUrl) before going online.
        // "self" lets the example form, served by this host, post from this host's own origin, whatever its port.
        ["Intake:Sites:example:ApiKey"] = "example-development-key",
        ["Intake:Sites:example:AllowedOrigins:0"] = "self",
        ["Intake:Sites:example:ThankYouUrl"] = "/forms/thank-you",
        // Every email must carry the clinic's postal address (CAN-SPAM) or the compliance check blocks it. The standalone
        // host writes email as files into its outbox folder, so a demonstration address lets the journey run end to end;
        // the startup banner says so until FollowUp:ClinicPostalAddress is set to the clinic's real address.
        ["FollowUp:ClinicPostalAddress"] = DemoClinicAddress,
        // The claims screen's English semantic second opinion stays off: measured on both held-out parts it caught no
        // claim the rules missed, and it costs a 1.2-1.7 s model load, about 300 MB and a 2,000-character p99 of 78-193 ms
        // under load (rules alone 15-44 ms) against the live preview's 100 ms budget. Set true to try it.
        ["Compliance:SemanticSecondOpinion"] = "false",
    };

    public const string DemoClinicAddress = "Demonstration Clinic, 1 Example Street, Springfield, USA";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        // Its own secrets, made at the first start and kept beside its data (or at Secrets:KeyFile); what is configured
        // otherwise wins. Nothing to set for the README's first command, and no published key seals anyone's data.
        var secrets = StandaloneSecrets.LoadOrCreate(builder.Configuration);
        builder.Configuration.Sources.Insert(1, new MemoryConfigurationSource { InitialData = secrets.Values });

        builder.AddServiceDefaults("Standalone");
        builder.AddLeadPlatformBus(bus =>
        {
            bus.AddIntakeConsumers();
            bus.AddQualificationConsumers();
            bus.AddFollowUpConsumers();
        });
        builder.AddIntake();
        builder.AddQualification();
        builder.AddFollowUp();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseFollowUp();
        app.MapIntake();
        app.MapQualification();
        app.MapFollowUp();
        app.MapGet("/", () => Results.Redirect("/dashboard")).ExcludeFromDescription();
        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app, secrets));
        return app;
    }

    private static void PrintAddresses(WebApplication app, StandaloneSecrets secrets)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultUrl;
        address = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
        var dataFolder = (app.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions()).ResolveDataFolder();
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Standalone").LogInformation(
            "LeadPlatform is running.{NewLine}  Dashboard:     {Dashboard}{NewLine}  Sign in:       {SignInHint}{NewLine}  API reference: {ApiReference}{NewLine}  Example form:  {ExampleForm}{NewLine}  Data folder:   {DataFolder}{NewLine}  Key file:      {KeyFile} ({KeyFileState}; back it up with the data folder, keep it apart from its backups; Secrets:KeyFile moves it)",
            Environment.NewLine, $"{address}/dashboard", Environment.NewLine, FollowUpModule.SignInHint(app.Services), Environment.NewLine,
            $"{address}/api-reference", Environment.NewLine, $"{address}/forms/example", Environment.NewLine, dataFolder, Environment.NewLine,
            secrets.Path, secrets.Created ? "made now, mode 0600" : "mode 0600");
        if (secrets.KeepsDevelopmentDefaults)
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Standalone").LogWarning(
                "The key file {KeyFile} keeps the published development lookup secret, person-key secret and unsubscribe key, because this data folder held data sealed with them: rotate them (README, \"Keys\") before storing real data",
                secrets.Path);
        if (app.Configuration["FollowUp:ClinicPostalAddress"] == DemoClinicAddress)
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.Standalone").LogWarning(
                "Emails carry a demonstration clinic address: set FollowUp:ClinicPostalAddress to the clinic's postal address before sending real email");
    }
}
