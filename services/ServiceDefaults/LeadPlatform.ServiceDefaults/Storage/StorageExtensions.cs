using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Outbox;
using LeadPlatform.ServiceDefaults.Telemetry;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Outbox;
using LeadPlatform.Storage.Privacy;
using LiteDB;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace LeadPlatform.ServiceDefaults.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers a store of a service on the service's own database: a LiteDB file <c>{service}.db</c> under the data
    /// folder, or the MongoDB database <c>{prefix}-{service}</c> (a service's stores share it); the outbox dispatcher
    /// that drains it (unless <paramref name="outbox"/> is false); and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddServiceStore<TStore>(this IHostApplicationBuilder builder, string service,
        Func<LiteDatabase, TStore> liteDb, Func<IMongoDatabase, TStore> mongo, bool outbox = true)
        where TStore : class, IOutboxStore
    {
        var options = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var key = service.ToLowerInvariant();
        // Personal data is sealed at rest with the keys of the Privacy section (SealedTypes says what is sealed).
        var configuration = builder.Configuration;
        builder.Services.TryAddSingleton(_ => PersonalDataProtector.FromConfiguration(configuration));
        if (options.IsLiteDb)
        {
            var folder = options.ResolveDataFolder();
            builder.Services.TryAddKeyedSingleton(key, (sp, _) => LiteDbFiles.Open(folder, $"{key}.db", sp.GetRequiredService<PersonalDataProtector>()));
            builder.Services.AddSingleton(sp => liteDb(sp.GetRequiredKeyedService<LiteDatabase>(key)));
            // A file that failed a write stays failed until a restart: liveness says so, so an orchestrator restarts it.
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"{key}-{typeof(TStore).Name}-litedb-file",
                sp => new LiteDbFileCheck(sp.GetRequiredKeyedService<LiteDatabase>(key)), HealthStatus.Unhealthy, ["live"]));
        }
        else
        {
            builder.Services.TryAddSingleton<IMongoClient>(_ => new MongoClient(options.MongoConnectionString));
            builder.Services.AddSingleton(sp =>
            {
                MongoConventions.UseProtector(sp.GetRequiredService<PersonalDataProtector>());
                return mongo(sp.GetRequiredService<IMongoClient>().GetDatabase($"{options.MongoDatabasePrefix}-{key}"));
            });
        }

        if (outbox)
        {
            builder.Services.AddSingleton<IHostedService>(sp =>
            {
                var outboxOptions = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
                var target = sp.GetService<OutboxTarget>();
                return new OutboxDispatcher(
                    sp.GetRequiredService<TStore>(),
                    target?.Endpoint ?? sp.GetRequiredService<IBus>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger($"LeadPlatform.{service}.Outbox"),
                    outboxOptions,
                    sp.GetService<LeadPlatformMetrics>(),
                    claims: outboxOptions.ClaimBeforePublish ?? !options.IsLiteDb,
                    untilOwnQueuesExist: target is null ? BusStartup.UntilStartedOnce(sp) : null);
            });
        }

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"{key}-{typeof(TStore).Name}",
            sp => new StoreHealthCheck(sp.GetRequiredService<TStore>()), HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(5)));
        return builder;
    }

    private sealed class LiteDbFileCheck(LiteDatabase database) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(LiteDbFailure.HasFailed(database)
                ? HealthCheckResult.Unhealthy("The LiteDB file failed a write; restart once it is writable again.")
                : HealthCheckResult.Healthy());
    }

    private sealed class StoreHealthCheck(IOutboxStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await store.PingAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy($"{store.Name} store unreachable", ex);
            }
        }
    }
}
