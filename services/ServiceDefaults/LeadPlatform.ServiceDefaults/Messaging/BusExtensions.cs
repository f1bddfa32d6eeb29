using LeadPlatform.ServiceDefaults.Outbox;
using MassTransit;
using MassTransit.Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LeadPlatform.ServiceDefaults.Messaging;

public static class BusExtensions
{
    /// <summary>
    /// MassTransit as <c>Bus:Transport</c> says. On RabbitMQ: kebab-case endpoints, retries on every endpoint, then the
    /// <c>_error</c> queue. In process: the mediator, with the same retries; an event that still fails stays in its
    /// outbox and is tried again later. Either way every consumed message carries its log context.
    /// </summary>
    /// <param name="storesWhileBrokerIsDown">
    /// The service keeps accepting work into its outbox while the broker is unreachable (intake): readiness then reports
    /// the broker as <c>Degraded</c> (still 200) instead of taking the service out of the load balancer, so web forms
    /// keep being accepted and their events are published once the broker is back.
    /// </param>
    public static IHostApplicationBuilder AddLeadPlatformBus(this IHostApplicationBuilder builder, Action<IRegistrationConfigurator> addConsumers,
        bool storesWhileBrokerIsDown = false)
    {
        var options = builder.Configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new FaultInjection(builder.Configuration["FaultInjection:CrashAfterHandling"]));
        if (options.IsInProcess)
        {
            builder.Services.AddMediator(x =>
            {
                addConsumers(x);
                x.ConfigureMediator((context, cfg) =>
                {
                    cfg.UseConsumeFilter(typeof(LogContextConsumeFilter<>), context);
                    cfg.UseMessageRetry(r => Retry(r, options));
                });
            });
            builder.Services.AddSingleton(sp => new OutboxTarget(sp.GetRequiredService<IMediator>()));
            return builder;
        }

        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            if (storesWhileBrokerIsDown) x.ConfigureHealthCheckOptions(o => o.MinimalFailureStatus = HealthStatus.Degraded);
            addConsumers(x);
            x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => Retry(r, options)));
            x.UsingRabbitMq((context, cfg) =>
            {
                ConfigureHost(cfg, new Uri(options.RabbitMqUri));
                // Consumers back within about a second of the broker's return, not 8-10 s (BrokerReconnect).
                if (options.ReconnectQuickly && !BrokerReconnect.ReconnectQuickly(cfg))
                    throw new InvalidOperationException("This MassTransit version keeps its reconnect policy elsewhere: update BrokerReconnect.");
                cfg.UseConsumeFilter(typeof(LogContextConsumeFilter<>), context);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Growing intervals (100 ms, 400 ms, 900 ms, ...); a message that can never be handled is not retried.</summary>
    public static void Retry(IRetryConfigurator retry, BusOptions options)
    {
        retry.Ignore<InvalidMessageException>();
        retry.Intervals(Enumerable.Range(1, options.RetryLimit).Select(i => TimeSpan.FromMilliseconds(100 * i * i)).ToArray());
    }

    /// <summary>The broker from an amqp:// URI (user and password in it, the virtual host as its path), with publisher confirms.</summary>
    public static void ConfigureHost(IRabbitMqBusFactoryConfigurator cfg, Uri uri) =>
        cfg.Host(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? (ushort)5672 : (ushort)uri.Port, VirtualHostOf(uri), h =>
        {
            var (user, password) = CredentialsOf(uri);
            h.Username(user);
            h.Password(password);
            h.PublisherConfirmation = true;
            h.RequestedConnectionTimeout(TimeSpan.FromSeconds(10));
        });

    private static string VirtualHostOf(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        return string.IsNullOrEmpty(path) ? "/" : path;
    }

    private static (string User, string Password) CredentialsOf(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo)) return ("guest", "guest");
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
    }
}
