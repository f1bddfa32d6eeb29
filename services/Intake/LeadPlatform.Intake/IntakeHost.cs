using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.Intake;

/// <summary>Intake hosted alone: RabbitMQ and its own MongoDB database, configured as any ASP.NET Core app.</summary>
public static class IntakeHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(IntakeModule.ServiceName);
        builder.AddLeadPlatformBus(bus => bus.AddIntakeConsumers());
        builder.AddIntake();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapIntake();
        return app;
    }
}
