using LeadPlatform.FollowUp.Api;
using LeadPlatform.FollowUp.Consumers;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadPlatform.FollowUp;

/// <summary>The follow-up service as a module: tasks, timelines, the coordinators' dashboard.</summary>
public static class FollowUpModule
{
    public const string ServiceName = "FollowUp";

    public static IHostApplicationBuilder AddFollowUp(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FollowUpOptions>(builder.Configuration.GetSection("FollowUp"));
        builder.AddServiceStore<ILeadStore>(ServiceName,
            liteDb => new LiteDbLeadStore(liteDb),
            mongo => new MongoLeadStore(mongo));
        return builder;
    }

    public static IRegistrationConfigurator AddFollowUpConsumers(this IRegistrationConfigurator bus)
    {
        bus.AddConsumer<LeadJourneyConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        app.MapFollowUpApi();
        app.MapDashboard();
        return app;
    }
}
