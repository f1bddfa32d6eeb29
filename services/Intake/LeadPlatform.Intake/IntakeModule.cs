using LeadPlatform.Intake.Api;
using LeadPlatform.Intake.Consumers;
using LeadPlatform.Intake.Forms;
using LeadPlatform.Intake.OpenApi;
using LeadPlatform.Intake.Privacy;
using LeadPlatform.ServiceDefaults.Privacy;
using LeadPlatform.Intake.Sites;
using LeadPlatform.Intake.Storage;
using LeadPlatform.Intake.Submissions;
using LeadPlatform.ServiceDefaults.Security;
using LeadPlatform.ServiceDefaults.Storage;
using LeadPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LeadPlatform.Intake;

/// <summary>The intake service as a module: the public door for web forms.</summary>
public static class IntakeModule
{
    public const string ServiceName = "Intake";

    /// <summary>Intake's own secrets, as a production host requires them (besides the Privacy section's).</summary>
    public static readonly SecretRule[] Secrets =
    [
        new("Intake:PersonKeySecret", 32),
        new("Intake:Sites:*:ApiKey", 16, Required: false),
    ];

    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>().Bind(builder.Configuration.GetSection("Intake")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IntakeOptions>, IntakeOptionsValidator>();
        builder.Services.AddSingleton<PersonKeys>();
        builder.Services.AddSingleton<SiteDirectory>();
        builder.Services.AddSingleton<QuoteRequestRecorder>();
        builder.Services.AddSingleton<LeadErasure>();
        builder.Services.AddSingleton<ILeadDataExporter, IntakeLeadExporter>();
        builder.Services.AddIntakeHttp();
        builder.Services.AddIntakeOpenApi();
        builder.AddServiceStore<IQuoteRequestStore>(ServiceName,
            liteDb => new LiteDbQuoteRequestStore(liteDb),
            mongo => new MongoQuoteRequestStore(mongo));
        return builder;
    }

    public static IRegistrationConfigurator AddIntakeConsumers(this IRegistrationConfigurator bus)
    {
        bus.AddServiceConsumer<QuoteRequestStatusConsumer>(ServiceName);
        bus.AddServiceConsumer<LeadDataErasedConsumer>(ServiceName);
        bus.AddServiceConsumer<LeadErasureRequestedConsumer>(ServiceName);
        bus.AddServiceConsumer<QuoteRequestsFollowMergeConsumer>(ServiceName);
        bus.AddServiceConsumer<QuoteRequestsFollowUnmergeConsumer>(ServiceName);
        return bus;
    }

    /// <summary>
    /// Intake's endpoints, and the CORS and rate-limiting middlewares they need (which is why this takes the application
    /// when it is one: call it on the <see cref="WebApplication"/>, after <c>UseServiceDefaults</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        if (app is not IApplicationBuilder pipeline)
            throw new InvalidOperationException("MapIntake needs the WebApplication: its endpoints need the CORS and rate-limiting middlewares.");
        pipeline.UseIntakeHttp();
        app.MapQuoteRequests();
        app.MapExampleForm();
        app.MapErasure();
        return app;
    }
}
