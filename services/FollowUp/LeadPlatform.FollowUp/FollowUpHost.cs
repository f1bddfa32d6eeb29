using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.FollowUp;

/// <summary>Follow-up hosted alone: RabbitMQ and its own MongoDB database.</summary>
public static class FollowUpHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(FollowUpModule.ServiceName);
        builder.AddLeadPlatformBus(bus => bus.AddFollowUpConsumers());
        builder.AddFollowUp();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapFollowUp();
        return app;
    }
}
