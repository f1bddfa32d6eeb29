using LeadPlatform.Qualification.Api;
using LeadPlatform.Qualification.Consumers;
using LeadPlatform.Qualification.Rules;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults.Auth;
using LeadPlatform.ServiceDefaults.Privacy;
using LeadPlatform.ServiceDefaults.Storage;
using LeadPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadPlatform.Qualification;

/// <summary>The qualification service as a module: explainable rules that decide what happens to each request.</summary>
public static class QualificationModule
{
    public const string ServiceName = "Qualification";

    /// <summary>Qualification's own secrets, as a production host requires them (besides the Privacy section's).</summary>
    public static readonly ServiceDefaults.Security.SecretRule[] Secrets =
    [
        new("Qualification:OperatorApiKey", 16, Required: false),
    ];

    public static IHostApplicationBuilder AddQualification(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<QualificationOptions>(builder.Configuration.GetSection("Qualification"));
        builder.Services.AddApiTokens(builder.Configuration);
        // The rule set is versioned data: an operator's file (Qualification:RuleSetFile), an embedded version
        // (Qualification:RuleSetVersion), or the newest embedded one. A bad file stops the service at start-up.
        var options = builder.Configuration.GetSection("Qualification").Get<QualificationOptions>() ?? new QualificationOptions();
        var ruleSet = options.LoadRuleSet();
        builder.Services.AddSingleton(_ => new QualificationEngine(ruleSet));
        builder.Services.AddSingleton<QualificationDecider>();
        builder.Services.AddSingleton<Requalification>();
        builder.Services.AddSingleton<ILeadDataExporter, QualificationLeadExporter>();
        builder.AddServiceStore<IQualificationStore>(ServiceName,
            liteDb => new LiteDbQualificationStore(liteDb),
            mongo => new MongoQualificationStore(mongo));
        builder.AddServiceStore<ISuppressedLeadStore>(ServiceName,
            liteDb => new LiteDbSuppressedLeadStore(liteDb),
            mongo => new MongoSuppressedLeadStore(mongo),
            outbox: false);
        return builder;
    }

    public static IRegistrationConfigurator AddQualificationConsumers(this IRegistrationConfigurator bus)
    {
        bus.AddServiceConsumer<QualifyQuoteRequestConsumer>(ServiceName);
        bus.AddServiceConsumer<LeadOptedOutConsumer>(ServiceName);
        bus.AddServiceConsumer<LeadErasureRequestedConsumer>(ServiceName);
        bus.AddServiceConsumer<DecisionsFollowMergeConsumer>(ServiceName);
        bus.AddServiceConsumer<DecisionsFollowUnmergeConsumer>(ServiceName);
        return bus;
    }

    public static IEndpointRouteBuilder MapQualification(this IEndpointRouteBuilder app) => app.MapQualifications();
}
