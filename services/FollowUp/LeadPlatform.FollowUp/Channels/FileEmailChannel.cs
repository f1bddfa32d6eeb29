using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// Email without a mail server (the standalone host, no <c>FollowUp:Smtp:Host</c>): each cleared email becomes the
/// message <see cref="OutreachEmail"/> composes, in <c>{outbox}/email/{outreachId}.eml</c>. The same OutreachId always
/// maps to the same file, so a retry never makes a second message.
/// </summary>
internal sealed class FileEmailChannel(OutboxFolder outbox, IOptions<FollowUpOptions> options, TimeProvider time,
    Consultations.ConsultationInvites? invites = null) : IOutreachChannel
{
    public OutreachChannel Channel => OutreachChannel.Email;

    public async Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
    {
        ChannelRules.EnsureSendable(outreach, Channel, time);
        var path = outbox.FileFor(ChannelNames.Email, outreach.OutreachId, "eml");
        var invite = invites is null ? null : await invites.ForAsync(outreach, ct);
        var message = OutreachEmail.Compose(outreach, options.Value.FromAddress, invite);
        await OutboxFolder.WriteOnceAsync(path, (stream, token) => message.WriteToAsync(Format, stream, token), ct);
        return new ChannelReceipt { OutreachId = outreach.OutreachId, Channel = Channel, AcceptedAt = time.GetUtcNow(), ProviderMessageId = message.MessageId };
    }

    private static readonly FormatOptions Format = CreateFormat();

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos; // RFC 5322: CRLF
        return format;
    }

    internal MimeMessage Compose(ClearedOutreach outreach) => OutreachEmail.Compose(outreach, options.Value.FromAddress);
}
