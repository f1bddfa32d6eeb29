using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LeadPlatform.Intake;

/// <summary>Intake hosted alone: RabbitMQ and its own MongoDB database, configured as any ASP.NET Core app.</summary>
public static class IntakeHost
{
    public static WebApplication Build(string[] args) => Build(args, _ => { });

    /// <summary>As <see cref="Build(string[])"/>, with last-word service registrations (tests: a fake <see cref="TimeProvider"/>).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection> configureServices)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.RequireProductionSecrets(IntakeModule.ServiceName, ProductionSecrets.Privacy, IntakeModule.Secrets);
        builder.AddServiceDefaults(IntakeModule.ServiceName);
        builder.AddLeadPlatformBus(bus => bus.AddIntakeConsumers(), storesWhileBrokerIsDown: true);
        builder.AddIntake();
        configureServices(builder.Services);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapIntake();
        return app;
    }
}
