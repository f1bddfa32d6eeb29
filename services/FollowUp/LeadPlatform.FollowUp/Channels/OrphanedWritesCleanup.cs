using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// At start, removes the half-written files a killed run left in the outbox folder: those written before this host was
/// being started (made with the other hosted services, before any of them, the bus included, starts), so never one of
/// this host's own writes.
/// </summary>
internal sealed class OrphanedWritesCleanup(OutboxFolder outbox, ILogger<OrphanedWritesCleanup> logger) : IHostedService
{
    private readonly DateTime _hostStarting = DateTime.UtcNow;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var deleted = outbox.DeleteOrphanedWrites(_hostStarting);
        if (deleted > 0) logger.LogInformation("Deleted {Count} half-written files left in the outbox folder by an interrupted run", deleted);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
