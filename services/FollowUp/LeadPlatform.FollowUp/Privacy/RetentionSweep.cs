using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using LeadPlatform.Storage.Privacy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Privacy;

/// <summary>
/// Retention: a lead with no activity (nothing on its timeline, no outreach, no task change) for <c>Privacy:RetentionDays</c>
/// is anonymised here as an erasure would, and <see cref="LeadErasureRequested"/> leaves in the same write for intake and
/// qualification. Follow-up runs it because the lead's activity is recorded here. Off when RetentionDays is unset or 0.
/// </summary>
public sealed class RetentionSweep(ILeadStore store, TimeProvider time, IOptions<PrivacyOptions> options, ILogger<RetentionSweep> logger,
    Channels.OutboxFolder? outbox = null) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
                await Task.Delay(options.Value.RetentionSweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Retention sweep failed; trying again in {DelayMs} ms", options.Value.RetentionSweepInterval.TotalMilliseconds);
                await Task.Delay(options.Value.RetentionSweepInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Anonymises every lead inactive for longer than the retention period; returns how many.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RetentionDays is not > 0) return 0;
        var days = options.Value.RetentionDays.Value;
        var now = StoredTime.Truncate(time.GetUtcNow());
        var anonymised = 0;
        while (true)
        {
            var leads = await store.FindInactiveAsync(now.AddDays(-days), BatchSize, cancellationToken);
            var progressed = 0;
            foreach (var lead in leads)
            {
                var lastActivity = lead.UpdatedAt;
                var erasureId = Ids.New();
                LeadErasureConsumer.Erase(lead, now, null);
                lead.Enqueue(new LeadErasureRequested { LeadId = lead.Id, OccurredAt = now, ErasureId = erasureId }, now, conversationId: erasureId, correlationId: lead.Id);
                // Changed since it was found: active right now, so not a candidate any more, or the next sweep takes it.
                if (!await store.TryReplaceHeldAsync(lead, cancellationToken)) continue;
                progressed++;
                outbox?.DeleteCopiesOf(lead.Outreach.Select(o => o.Id));
                logger.LogInformation("Lead {LeadId} inactive since {LastActivityAt}: personal data anonymised by {Service} after {RetentionDays} days, erasure {ErasureId} requested",
                    lead.Id, lastActivity, FollowUpModule.ServiceName, days, erasureId);
            }
            anonymised += progressed;
            if (leads.Count < BatchSize || progressed == 0) return anonymised;
        }
    }
}
