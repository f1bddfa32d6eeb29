using System.Text.Json;
using System.Text.Json.Serialization;
using LeadPlatform.ServiceDefaults.Logging;
using LeadPlatform.ServiceDefaults.Outbox;
using LeadPlatform.ServiceDefaults.Privacy;
using LeadPlatform.ServiceDefaults.Security;
using LeadPlatform.ServiceDefaults.Telemetry;
using LeadPlatform.Storage.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serilog;
using Serilog.Events;

namespace LeadPlatform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Logging, time, JSON conventions, ProblemDetails, health checks and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        LeadPlatform.Storage.PrivateFiles.RestrictNewFiles(); // files with personal data or keys: 0600, their folders 0700
        builder.AddLeadPlatformLogging(serviceName);
        builder.AddLeadPlatformTelemetry(serviceName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddOpenApi();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.Configure<PrivacyOptions>(builder.Configuration.GetSection("Privacy"));
        builder.Services.AddForwardedHeadersFromConfiguration(builder.Configuration);
        return builder;
    }

    /// <summary>Request logging, errors as ProblemDetails, <c>/health/live</c>, <c>/health/ready</c>, the API reference.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // First: the client's address and scheme, from a configured proxy only (ForwardedHeadersSetup).
        app.UseForwardedHeadersOfKnownProxies(app.Configuration);
        // Every HTML page: CSP, frame-ancestors, nosniff, referrer policy; HSTS over HTTPS (SecurityHeaders).
        app.UseMiddleware<SecurityHeaders>();
        app.UseSerilogRequestLogging(o =>
        {
            // The route template (not the path with its ids) names the endpoint, so Seq can group requests by it.
            o.MessageTemplate = "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {Elapsed:0.0} ms";
            // This host's logger: without it the middleware writes to the static Log.Logger (the console-only bootstrap
            // logger; each host has its own), and no request ever reached Seq.
            o.Logger = app.Services.GetService<Serilog.ILogger>();
            o.EnrichDiagnosticContext = (diagnostics, http) =>
                diagnostics.Set("RouteTemplate", (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no endpoint)");
            // Probes every few seconds would drown the rest (their answer is the health report, not an error of the request).
            o.GetLevel = (http, _, error) => error is not null ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : http.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference");
        app.MapLeadExport();
        return app;
    }
}
