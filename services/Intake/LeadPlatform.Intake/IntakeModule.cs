using LeadPlatform.Intake.Api;
using LeadPlatform.Intake.Consumers;
using LeadPlatform.Intake.Forms;
using LeadPlatform.Intake.Storage;
using LeadPlatform.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadPlatform.Intake;

/// <summary>The intake service as a module: the public door for web forms.</summary>
public static class IntakeModule
{
    public const string ServiceName = "Intake";

    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection("Intake"));
        builder.Services.AddSingleton<PersonKeys>();
        builder.AddServiceStore<IQuoteRequestStore>(ServiceName,
            liteDb => new LiteDbQuoteRequestStore(liteDb),
            mongo => new MongoQuoteRequestStore(mongo));
        return builder;
    }

    public static IRegistrationConfigurator AddIntakeConsumers(this IRegistrationConfigurator bus)
    {
        bus.AddConsumer<QuoteRequestStatusConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapQuoteRequests();
        app.MapExampleForm();
        return app;
    }
}
