using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace LeadPlatform.ServiceDefaults.Logging;

/// <summary>
/// Adds <c>EventType</c>: a stable 32-bit hash (FNV-1a) of the message template, so Seq groups every occurrence of one
/// step of the journey ("Quote request {QuoteRequestId} stored ...") whatever its property values.
/// </summary>
public sealed class EventTypeEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
        logEvent.AddPropertyIfAbsent(new LogEventProperty("EventType", new ScalarValue(Of(logEvent.MessageTemplate.Text))));

    public static string Of(string template)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(template))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
