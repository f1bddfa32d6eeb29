using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace LeadPlatform.TestSupport;

/// <summary>
/// A RabbitMQ broker for the tests, found in this order: <c>RABBITMQ_URI</c>; Testcontainers when a Docker engine
/// answers; a locally installed <c>rabbitmq-server</c> started privately on free ports (the fixture owns it and
/// stops it); otherwise unavailable, with the reason (a skip, or a failure where RabbitMQ is required).
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private IContainer? _container;

    public string? Uri { get; private set; }
    public string? UnavailableReason { get; private set; }
    /// <summary>The private node, when the fixture started one: it can be stopped and started (fault tests).</summary>
    public LocalRabbitMqNode? LocalNode { get; private set; }
    public string Source { get; private set; } = "none";

    public async ValueTask InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RABBITMQ_URI");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            (Uri, Source) = (fromEnvironment, "RABBITMQ_URI");
            return;
        }

        var reasons = new List<string>();
        if (DockerEngine.Answers())
        {
            try
            {
                _container = new ContainerBuilder("rabbitmq:3.13-alpine")
                    .WithPortBinding(5672, true)
                    .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(5672))
                    .Build();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await _container.StartAsync(timeout.Token);
                (Uri, Source) = ($"amqp://guest:guest@{_container.Hostname}:{_container.GetMappedPublicPort(5672)}/", "Testcontainers");
                return;
            }
            catch (Exception ex)
            {
                reasons.Add($"Testcontainers could not start RabbitMQ: {ex.Message}");
            }
        }
        else
        {
            reasons.Add("no Docker engine answers");
        }

        if (LocalRabbitMqNode.IsInstalled)
        {
            try
            {
                LocalNode = await LocalRabbitMqNode.StartAsync();
                (Uri, Source) = (LocalNode.Uri, "local rabbitmq-server");
                return;
            }
            catch (Exception ex)
            {
                reasons.Add($"the local rabbitmq-server did not start: {ex.Message}");
            }
        }
        else
        {
            reasons.Add("rabbitmq-server is not installed (apt-get install -y rabbitmq-server)");
        }

        UnavailableReason = "RabbitMQ unavailable: set RABBITMQ_URI, or " + string.Join("; ", reasons);
    }

    /// <summary>Call first in a test that needs the broker.</summary>
    public string RequireUri()
    {
        Requirements.SkipUnlessAvailable("rabbitmq", UnavailableReason);
        return Uri!;
    }

    /// <summary>
    /// A fresh virtual host on the broker, so that the hosts of one test never compete for another test's messages
    /// (they use the same queue names). Only where the fixture owns the broker; with <c>RABBITMQ_URI</c> every test
    /// shares the given virtual host.
    /// </summary>
    public async Task<string> NewVirtualHostAsync()
    {
        var uri = RequireUri();
        var vhost = $"test-{Guid.NewGuid():N}";
        if (LocalNode is not null)
        {
            await LocalNode.CtlAsync("add_vhost", vhost);
            await LocalNode.CtlAsync("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        }
        else if (_container is not null)
        {
            await _container.ExecAsync(["rabbitmqctl", "add_vhost", vhost]);
            await _container.ExecAsync(["rabbitmqctl", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"]);
        }
        else
        {
            return uri;
        }
        return new UriBuilder(uri) { Path = "/" + vhost }.Uri.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (LocalNode is not null) await LocalNode.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }
}
