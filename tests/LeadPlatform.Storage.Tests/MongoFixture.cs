using LeadPlatform.TestSupport;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace LeadPlatform.Storage.Tests;

/// <summary>
/// A MongoDB server for the conformance suite: <c>MONGODB_URI</c>, else Testcontainers when a Docker engine answers,
/// else unavailable with the reason (no MongoDB server can be installed on the project's build machines).
/// </summary>
public sealed class MongoFixture : IAsyncLifetime
{
    private MongoDbContainer? _container;

    public IMongoClient? Client { get; private set; }
    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var uri = Environment.GetEnvironmentVariable("MONGODB_URI");
        if (string.IsNullOrWhiteSpace(uri) && DockerEngine.Answers())
        {
            try
            {
                _container = new MongoDbBuilder("mongo:7").Build();
                await _container.StartAsync();
                uri = _container.GetConnectionString();
            }
            catch (Exception ex)
            {
                UnavailableReason = $"MongoDB unavailable: Testcontainers could not start mongo:7 ({ex.Message})";
                return;
            }
        }
        if (string.IsNullOrWhiteSpace(uri))
        {
            UnavailableReason = "MongoDB unavailable: MONGODB_URI is not set and no Docker engine answers";
            return;
        }
        Client = new MongoClient(uri);
    }

    public IMongoDatabase NewDatabase()
    {
        Requirements.SkipUnlessAvailable("mongodb", UnavailableReason);
        return Client!.GetDatabase($"leadplatform-test-{Guid.NewGuid():N}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }
}
