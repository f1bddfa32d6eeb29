using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace LeadPlatform.ServiceDefaults.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog for this host: console always, Seq when <c>Seq:ServerUrl</c> is set, the <c>Service</c> property on
    /// every event. The logger belongs to this host (not the static <see cref="Log.Logger"/>), so several hosts can
    /// share one process, as the tests and the standalone host do.
    /// </summary>
    public static IHostApplicationBuilder AddLeadPlatformLogging(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSerilog((services, lc) => Configure(lc, builder.Configuration, serviceName), preserveStaticLogger: true);
        return builder;
    }

    public static LoggerConfiguration Configure(LoggerConfiguration lc, IConfiguration configuration, string serviceName)
    {
        lc.MinimumLevel.Information()
          .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
          .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
          .MinimumLevel.Override("MassTransit", LogEventLevel.Information)
          .ReadFrom.Configuration(configuration)
          .Enrich.FromLogContext()
          .Enrich.With(new ServiceEnricher(serviceName))
          .Enrich.With<EventTypeEnricher>()
          .WriteTo.Console(outputTemplate:
              "[{Timestamp:HH:mm:ss} {Level:u3}] {Service} {Message:lj} {LeadId}{NewLine}{Exception}");

        var seqUrl = configuration["Seq:ServerUrl"];
        if (!string.IsNullOrWhiteSpace(seqUrl))
        {
            lc.WriteTo.Seq(seqUrl, apiKey: configuration["Seq:ApiKey"],
                period: TimeSpan.FromMilliseconds(configuration.GetValue("Seq:PeriodMs", 2000)));
        }
        return lc;
    }
}
