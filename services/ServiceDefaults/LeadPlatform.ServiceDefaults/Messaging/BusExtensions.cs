using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadPlatform.ServiceDefaults.Messaging;

public static class BusExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (distributed) or in memory (standalone), as <c>Bus:Transport</c> says. Kebab-case
    /// endpoints, retries on every endpoint, then the <c>_error</c> queue; log context on every consumed message.
    /// </summary>
    public static IHostApplicationBuilder AddLeadPlatformBus(this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> addConsumers)
    {
        var options = builder.Configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            addConsumers(x);
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Intervals(
                    Enumerable.Range(1, options.RetryLimit).Select(i => TimeSpan.FromMilliseconds(100 * i * i)).ToArray()));
            });

            if (options.IsInMemory)
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseConsumeFilter(typeof(LogContextConsumeFilter<>), context);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                var uri = new Uri(options.RabbitMqUri);
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? (ushort)5672 : (ushort)uri.Port, VirtualHostOf(uri), h =>
                    {
                        var (user, password) = CredentialsOf(uri);
                        h.Username(user);
                        h.Password(password);
                        h.PublisherConfirmation = true;
                        h.RequestedConnectionTimeout(TimeSpan.FromSeconds(10));
                    });
                    cfg.UseConsumeFilter(typeof(LogContextConsumeFilter<>), context);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }

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
