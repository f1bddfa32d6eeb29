using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Scheduling;

/// <summary>Runs <see cref="OutreachScheduler.RunDueAsync"/> every <see cref="SchedulingOptions.PollInterval"/> (on the TimeProvider).</summary>
internal sealed class ScheduledOutreachWorker(OutreachScheduler scheduler, TimeProvider time, IOptions<FollowUpOptions> options, ILogger<ScheduledOutreachWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Scheduling;
        if (!settings.Enabled) return;
        var interval = settings.PollInterval > TimeSpan.Zero ? settings.PollInterval : TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending scheduled outreach failed; trying again in {DelayMs} ms", (long)interval.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
