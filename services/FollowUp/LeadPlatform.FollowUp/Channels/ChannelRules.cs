using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>What every channel checks before it sends: its own channel, and a clearance that still holds.</summary>
internal static class ChannelRules
{
    public static void EnsureSendable(ClearedOutreach outreach, OutreachChannel channel, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(outreach);
        if (outreach.Channel != channel)
        {
            throw new ChannelRejectedException($"A {ChannelNames.Of(outreach.Channel)} outreach was handed to the {ChannelNames.Of(channel)} channel.");
        }

        if (!outreach.IsValidAt(time.GetUtcNow()))
        {
            throw new ChannelRejectedException($"The clearance expired at {outreach.ValidUntil:u}: check the outreach again.");
        }
    }
}
