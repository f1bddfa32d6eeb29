using Serilog.Core;
using Serilog.Events;

namespace LeadPlatform.ServiceDefaults.Logging;

/// <summary>
/// Adds the <c>Service</c> property. Code of a service module (namespace LeadPlatform.Intake, .Qualification, .FollowUp,
/// .Compliance) is attributed to that service even when all of them share one process (the standalone host);
/// everything else (the host, MassTransit, ASP.NET Core) to the host's own name.
/// </summary>
public sealed class ServiceEnricher(string hostService) : ILogEventEnricher
{
    private static readonly string[] Modules = ["Intake", "Qualification", "FollowUp", "Compliance"];
    private readonly LogEventProperty _hostProperty = new("Service", new ScalarValue(hostService));

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.ContainsKey("Service")) return;
        if (logEvent.Properties.TryGetValue("SourceContext", out var sc) && sc is ScalarValue { Value: string source }
            && source.StartsWith("LeadPlatform.", StringComparison.Ordinal))
        {
            foreach (var module in Modules)
            {
                if (source.AsSpan("LeadPlatform.".Length).StartsWith(module, StringComparison.Ordinal))
                {
                    logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("Service", module));
                    return;
                }
            }
        }
        logEvent.AddPropertyIfAbsent(_hostProperty);
    }
}
