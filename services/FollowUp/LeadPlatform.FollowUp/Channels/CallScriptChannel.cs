using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// A call is a script the coordinator reads: "sending" issues it (nothing leaves the building). The coordinator then
/// confirms having read the disclaimer aloud, which is when the outreach counts as sent.
/// </summary>
internal sealed class CallScriptChannel(TimeProvider time) : IOutreachChannel
{
    public OutreachChannel Channel => OutreachChannel.Phone;

    public Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
    {
        ChannelRules.EnsureSendable(outreach, Channel, time);
        return Task.FromResult(new ChannelReceipt { OutreachId = outreach.OutreachId, Channel = Channel, AcceptedAt = time.GetUtcNow(), ProviderMessageId = $"call-script/{outreach.OutreachId:D}" });
    }
}
