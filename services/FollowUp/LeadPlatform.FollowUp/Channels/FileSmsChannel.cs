using System.Text.Json;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// SMS without a provider (the standalone host): each cleared text becomes <c>{outbox}/sms/{outreachId}.json</c>, once
/// per OutreachId.
/// </summary>
internal sealed class FileSmsChannel(OutboxFolder outbox, TimeProvider time) : IOutreachChannel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public OutreachChannel Channel => OutreachChannel.Sms;

    public async Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
    {
        ChannelRules.EnsureSendable(outreach, Channel, time);
        var path = outbox.FileFor(ChannelNames.Sms, outreach.OutreachId, "json");
        var text = new
        {
            outreachId = outreach.OutreachId,
            evidenceId = outreach.EvidenceId,
            leadId = outreach.LeadId,
            to = outreach.Recipient,
            body = outreach.Message,
            messageHash = outreach.MessageHash,
            disclaimers = outreach.Disclaimers.Select(d => $"{d.Id}@{d.Version}").ToArray(),
            clearedAt = outreach.ClearedAt,
            validUntil = outreach.ValidUntil,
        };
        await OutboxFolder.WriteOnceAsync(path, (stream, token) => JsonSerializer.SerializeAsync(stream, text, Json, token), ct);
        return new ChannelReceipt { OutreachId = outreach.OutreachId, Channel = Channel, AcceptedAt = time.GetUtcNow(), ProviderMessageId = $"file:sms/{outreach.OutreachId:D}" };
    }
}
