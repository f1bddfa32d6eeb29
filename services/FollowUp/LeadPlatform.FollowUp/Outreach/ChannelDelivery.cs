using LeadPlatform.Compliance;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// Hands a cleared outreach to its channel, retrying a transient failure a few times with the very same
/// <see cref="ClearedOutreach"/> (so the same OutreachId): channels are idempotent by it, so a retry after a failure
/// that happened after the message left can never produce a second message.
/// </summary>
internal sealed class ChannelDelivery(IEnumerable<IOutreachChannel> channels, IOptions<FollowUpOptions> options, ILogger<ChannelDelivery> logger)
{
    private readonly Dictionary<OutreachChannel, IOutreachChannel> _channels = channels.ToDictionary(c => c.Channel);

    public async Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(outreach.Channel, out var channel))
        {
            throw new ChannelRejectedException($"No {ChannelNames.Of(outreach.Channel)} channel is configured.");
        }

        var attempts = Math.Max(1, options.Value.ChannelAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await channel.SendAsync(outreach, cancellationToken);
            }
            catch (Exception ex) when (attempt < attempts && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Channel {Channel} failed on outreach {OutreachId} for lead {LeadId} ({ErrorType}, attempt {Attempt} of {Attempts}); retrying with the same OutreachId",
                    ChannelNames.Of(outreach.Channel), outreach.OutreachId, outreach.LeadId, ex.GetType().Name, attempt, attempts);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex is not (ChannelRejectedException or OperationCanceledException or ArgumentException);
}
