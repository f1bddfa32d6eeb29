using Microsoft.AspNetCore.Builder;

namespace LeadPlatform.TestSupport;

/// <summary>A service host started in-process on Kestrel on a free port, configured by arguments as in production.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        // Authorized with the test API token, as an integration would be (see TestApiToken).
        Http = TestApiToken.Authorize(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) });
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public HttpClient Http { get; }

    /// <summary>Starts the host and waits until <c>/health/ready</c> answers (its broker and store are reachable).</summary>
    public static Task<RunningHost> StartAsync(Func<string[], WebApplication> build, params string[] arguments) =>
        StartAsync(build, "/health/ready", "ready", arguments);

    /// <summary>
    /// Starts the host and waits only until <c>/health/live</c> answers: for a host whose dependencies are meant to be
    /// missing, which must still run and say so on <c>/health/ready</c>.
    /// </summary>
    public static Task<RunningHost> StartUntilLiveAsync(Func<string[], WebApplication> build, params string[] arguments) =>
        StartAsync(build, "/health/live", "live", arguments);

    private static async Task<RunningHost> StartAsync(Func<string[], WebApplication> build, string healthPath, string state, string[] arguments)
    {
        var app = build(["--urls=http://127.0.0.1:0", TestApiToken.Argument, .. TestSecrets.Arguments, .. arguments]);
        await app.StartAsync();
        var host = new RunningHost(app, new Uri(app.Urls.First()));
        // Each probe gets 5 s, not the client's 30: a CI run once saw two probes of a starting host hang until the
        // 60 s deadline (the host answered later requests); a stuck probe must not use up the wait.
        await Eventually.GetAsync(async () =>
        {
            using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return await host.Http.GetAsync(healthPath, probe.Token);
        }, r => r?.IsSuccessStatusCode == true, TimeSpan.FromSeconds(90), $"{host.Address} to be {state}");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
