using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace LeadPlatform.ServiceDefaults;

/// <summary>Runs a host the way Serilog recommends: a bootstrap logger, and a fatal start-up error logged, not lost.</summary>
public static class ServiceHost
{
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build)
    {
        if (args is ["--healthcheck", var url]) return await HealthCheckAsync(url);
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        try
        {
            var app = build(args);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is not HostAbortedException)
        {
            Log.Fatal(ex, "Host terminated unexpectedly");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>
    /// <c>--healthcheck http://localhost:8080/health/ready</c>: 0 when the URL answers 2xx, else 1. The container health
    /// check, because the runtime image has no curl or wget.
    /// </summary>
    private static async Task<int> HealthCheckAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            return 1;
        }
    }
}
