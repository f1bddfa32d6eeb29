using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Tasks;

/// <summary>
/// Every <see cref="AssignmentOptions.CheckInterval"/> (on <see cref="TimeProvider"/>, so tests drive it with a fake clock):
/// hands the unassigned backlog out to whoever is on duty now — a coordinator coming on shift or back from leave gets it —
/// and re-offers tier-A leads nobody opened in time. An admin putting someone on duty triggers a look at once.
/// </summary>
public sealed class AssignmentWatch(TaskAssignment assignment, TimeProvider time, IOptions<FollowUpOptions> options, ILogger<AssignmentWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Assignment;
        if (!settings.Enabled) return;
        var interval = settings.CheckInterval > TimeSpan.Zero ? settings.CheckInterval : TimeSpan.FromSeconds(30);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The assignment check failed; trying again in {DelayMs} ms", (long)interval.TotalMilliseconds);
            }
        }
    }

    private bool _dueTimesFresh;

    /// <summary>
    /// One look: the backlog first (most urgent first), then the tier-A re-offers. The first look derives the due times of
    /// leads an older version wrote, which the two searches need.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (!_dueTimesFresh)
        {
            await assignment.RefreshStaleDueTimesAsync(cancellationToken);
            _dueTimesFresh = true;
        }
        await assignment.HandOutBacklogAsync(cancellationToken);
        await assignment.ReofferUnopenedTierAAsync(cancellationToken);
    }
}
