using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.Qualification;

/// <summary>Qualification hosted alone: RabbitMQ and its own MongoDB database.</summary>
public static class QualificationHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(QualificationModule.ServiceName);
        builder.AddLeadPlatformBus(bus => bus.AddQualificationConsumers());
        builder.AddQualification();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapQualification();
        return app;
    }
}
