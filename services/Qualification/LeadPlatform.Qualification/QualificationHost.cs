using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.Qualification;

/// <summary>Qualification hosted alone: RabbitMQ and its own MongoDB database.</summary>
public static class QualificationHost
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>As <see cref="Build(string[])"/>, with a last say over the services (a test's second replica shares the first one's store).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.RequireProductionSecrets(QualificationModule.ServiceName, ProductionSecrets.Privacy, QualificationModule.Secrets);
        builder.AddServiceDefaults(QualificationModule.ServiceName);
        builder.AddLeadPlatformBus(bus => bus.AddQualificationConsumers());
        builder.AddQualification();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapQualification();
        return app;
    }
}
