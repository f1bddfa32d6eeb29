using System.Diagnostics;
using System.Linq.Expressions;
using LeadPlatform.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SerilogContext = Serilog.Context.LogContext;

namespace LeadPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Puts <c>MessageType</c>, <c>MessageId</c>, <c>ConversationId</c>, <c>CorrelationId</c> and <c>LeadId</c> on every
/// log event written while a message is consumed, so Seq can follow a lead across services; and logs the handling of
/// every consumed message: its type, how long it took, and its retry attempt and redelivery count (and, as metrics,
/// <c>leadplatform.message.lag</c> and <c>leadplatform.message.handling</c>).
/// <para>The test-only <see cref="FaultInjection"/> hook sits here too: after the consumer, before the acknowledgement.</para>
/// </summary>
public sealed class LogContextConsumeFilter<T>(ILoggerFactory? loggers = null, FaultInjection? faults = null, LeadPlatformMetrics? metrics = null) : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly Func<T, Guid>? LeadIdOf = BuildLeadIdAccessor();
    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("LeadPlatform.Messaging");

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using (SerilogContext.PushProperty("MessageType", typeof(T).Name))
        using (SerilogContext.PushProperty("MessageId", context.MessageId))
        using (SerilogContext.PushProperty("ConversationId", context.ConversationId))
        using (SerilogContext.PushProperty("CorrelationId", context.CorrelationId))
        using (LeadIdOf is null ? null : SerilogContext.PushProperty("LeadId", LeadIdOf(context.Message)))
        {
            var started = Stopwatch.GetTimestamp();
            var type = new KeyValuePair<string, object?>("message.type", typeof(T).Name);
            if (metrics is not null && context.SentTime is { } sent)
                metrics.MessageLag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalMilliseconds), type);
            try
            {
                await next.Send(context);
            }
            catch (Exception ex)
            {
                metrics?.MessageHandling.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, type, new("outcome", "failed"));
                _logger.LogWarning("Handling {MessageType} {MessageId} failed after {ElapsedMs:0.0} ms (retry {RetryAttempt}, redelivery {RedeliveryCount}): {ErrorType}",
                    typeof(T).Name, context.MessageId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.GetRetryAttempt(), context.GetRedeliveryCount(), ex.GetType().Name);
                throw;
            }
            metrics?.MessageHandling.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, type, new("outcome", "handled"));
            _logger.LogInformation("Handled {MessageType} {MessageId} in {ElapsedMs:0.0} ms (retry {RetryAttempt}, redelivery {RedeliveryCount})",
                typeof(T).Name, context.MessageId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.GetRetryAttempt(), context.GetRedeliveryCount());
        }
        if (faults is { Enabled: true })
            faults.AfterHandled(typeof(T).Name, context.MessageId, LeadIdOf?.Invoke(context.Message), context.ReceiveContext.InputAddress?.AbsolutePath.TrimEnd('/').Split('/')[^1]);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("logContext");

    private static Func<T, Guid>? BuildLeadIdAccessor()
    {
        var property = typeof(T).GetProperty("LeadId");
        if (property is null || property.PropertyType != typeof(Guid)) return null;
        var parameter = Expression.Parameter(typeof(T));
        return Expression.Lambda<Func<T, Guid>>(Expression.Property(parameter, property), parameter).Compile();
    }
}
