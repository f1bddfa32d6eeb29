using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.TestSupport;

/// <summary>A service host started in-process on Kestrel on a free port, configured by arguments as in production.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public HttpClient Http { get; }

    public static async Task<RunningHost> StartAsync(Func<string[], WebApplication> build, params string[] arguments)
    {
        var app = build(["--urls=http://127.0.0.1:0", .. arguments]);
        await app.StartAsync();
        var host = new RunningHost(app, new Uri(app.Urls.First()));
        await Eventually.GetAsync(() => host.Http.GetAsync("/health/ready"), r => r?.IsSuccessStatusCode == true,
            TimeSpan.FromSeconds(60), $"{host.Address} to be ready");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
