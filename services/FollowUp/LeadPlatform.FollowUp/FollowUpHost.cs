using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.FollowUp;

/// <summary>Follow-up hosted alone: RabbitMQ and its own MongoDB database.</summary>
public static class FollowUpHost
{
    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <summary>As <see cref="Build(string[])"/>, with a last say over the services (tests replace the clock this way).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.RequireProductionSecrets(FollowUpModule.ServiceName, ProductionSecrets.Privacy, FollowUpModule.Secrets);
        builder.AddServiceDefaults(FollowUpModule.ServiceName);
        builder.AddLeadPlatformBus(bus => bus.AddFollowUpConsumers());
        builder.AddFollowUp();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseFollowUp();
        app.MapFollowUp();
        return app;
    }
}
