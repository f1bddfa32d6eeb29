using LeadPlatform.ServiceDefaults.Messaging;
using LeadPlatform.ServiceDefaults.Outbox;
using LeadPlatform.Storage.Outbox;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadPlatform.TestSupport;

/// <summary>
/// One service module on MassTransit's test harness, with its real store (a LiteDB file in a temporary folder) and
/// its real outbox dispatcher: what the module publishes is what the harness sees.
/// </summary>
public sealed class ModuleHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataFolder;

    private ModuleHarness(IHost host, string dataFolder) => (_host, _dataFolder) = (host, dataFolder);

    public ITestHarness Harness => _host.Services.GetRequiredService<ITestHarness>();
    public IServiceProvider Services => _host.Services;

    public static async Task<ModuleHarness> StartAsync(Action<IHostApplicationBuilder> addModule, Action<IBusRegistrationConfigurator> addConsumers)
    {
        var dataFolder = Directory.CreateTempSubdirectory("leadplatform-harness-").FullName;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "LiteDb",
            ["Storage:DataFolder"] = dataFolder,
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.AddMassTransitTestHarness(x =>
        {
            addConsumers(x);
            // The production retry policy: concurrent changes to one document are resolved by retrying the message.
            x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => BusExtensions.Retry(r, new BusOptions())));
        });
        addModule(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new ModuleHarness(host, dataFolder);
    }

    /// <summary>
    /// Waits (up to 30 s) until the module has published a <typeparamref name="T"/> matching <paramref name="filter"/>.
    /// The module publishes from its outbox, in the background: the harness's own <c>Published.Any</c> stops waiting once
    /// the bus has been quiet for a moment, which on a loaded machine can be before the outbox got to it.
    /// </summary>
    public async Task<bool> PublishedAsync<T>(Func<IPublishedMessage<T>, bool> filter) where T : class
    {
        var found = await Eventually.GetAsync(() => Task.FromResult(Harness.Published.Select<T>().Any(filter)), any => any,
            TimeSpan.FromSeconds(30), $"{typeof(T).Name} to be published");
        return found;
    }

    /// <summary>
    /// Waits (up to 30 s) until the module has consumed <paramref name="count"/> messages <typeparamref name="T"/> matching
    /// <paramref name="filter"/> (the harness records a MessageId once). The harness's own <c>Consumed.Any</c> answers false
    /// once the bus has been quiet for its inactivity timeout, which a busy machine can reach before the consumer got the
    /// message (seen in CI: a publish then <c>Consumed.Any</c> false after 4 s).
    /// </summary>
    public async Task<bool> ConsumedAsync<T>(Func<IReceivedMessage<T>, bool> filter, int count = 1) where T : class
    {
        var found = await Eventually.GetAsync(() => Task.FromResult(Harness.Consumed.Select<T>().Count(filter)), n => n >= count,
            TimeSpan.FromSeconds(30), $"{count} {typeof(T).Name} to be consumed");
        return found >= count;
    }

    /// <summary>Waits until every outbox of <typeparamref name="TStore"/> is drained: after that, nothing more will be published.</summary>
    public Task OutboxDrainedAsync<TStore>() where TStore : IOutboxStore => Eventually.OutboxDrainedAsync(Services.GetRequiredService<TStore>());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
