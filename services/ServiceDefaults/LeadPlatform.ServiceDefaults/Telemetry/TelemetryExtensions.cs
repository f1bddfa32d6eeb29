using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LeadPlatform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics: ASP.NET Core, MassTransit, the MongoDB driver, the runtime, and LeadPlatform's
    /// own meter (<see cref="LeadPlatformMetrics"/>). Exported over OTLP when <c>OpenTelemetry:OtlpEndpoint</c> (or the
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set; otherwise collected in process and not exported.
    /// </summary>
    public static IHostApplicationBuilder AddLeadPlatformTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Services.AddSingleton<LeadPlatformMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService($"leadplatform-{serviceName.ToLowerInvariant()}"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", LeadPlatformMetrics.MeterName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource("MassTransit", "MongoDB.Driver"));
        if (!string.IsNullOrWhiteSpace(endpoint))
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        return builder;
    }
}
