using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace LeadPlatform.ServiceDefaults;

/// <summary>Runs a host the way Serilog recommends: a bootstrap logger, and a fatal start-up error logged, not lost.</summary>
public static class ServiceHost
{
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build)
    {
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
}
