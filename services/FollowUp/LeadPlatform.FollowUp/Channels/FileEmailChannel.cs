using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// Email without a mail server (the standalone host): each cleared email becomes an RFC 5322 message in
/// <c>{outbox}/email/{outreachId}.eml</c>, with <c>List-Unsubscribe</c> (the same one-click link as in the body) and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058). The same OutreachId always maps to the same
/// file, so a retry never makes a second message.
/// </summary>
internal sealed class FileEmailChannel(OutboxFolder outbox, PublicLinks links, IOptions<FollowUpOptions> options, TimeProvider time) : IOutreachChannel
{
    public OutreachChannel Channel => OutreachChannel.Email;

    public async Task<ChannelReceipt> SendAsync(ClearedOutreach outreach, CancellationToken ct)
    {
        ChannelRules.EnsureSendable(outreach, Channel, time);
        var path = outbox.FileFor(ChannelNames.Email, outreach.OutreachId, "eml");
        var message = Compose(outreach);
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

    internal MimeMessage Compose(ClearedOutreach outreach)
    {
        var unsubscribe = links.FindUnsubscribeUrl(outreach.Message)
                          ?? throw new ChannelRejectedException("The email carries no one-click unsubscribe link: it is not sent.");
        if (!MailboxAddress.TryParse(outreach.Recipient, out var to)) throw new ChannelRejectedException("The recipient is not an email address.");
        var from = MailboxAddress.Parse(options.Value.FromAddress);
        var domain = from.Domain is { Length: > 0 } d ? d : "followup.leadplatform";
        var message = new MimeMessage
        {
            Subject = outreach.Subject ?? string.Empty,
            Date = outreach.ClearedAt,
            MessageId = $"{outreach.OutreachId:D}@{domain}",
        };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("X-LeadPlatform-Outreach-Id", outreach.OutreachId.ToString("D"));
        message.Headers.Add("X-LeadPlatform-Evidence-Id", outreach.EvidenceId.ToString("D"));
        message.Headers.Add("X-LeadPlatform-Disclaimers", string.Join(", ", outreach.Disclaimers.Select(x => $"{x.Id}@{x.Version}")));
        var body = new TextPart(TextFormat.Plain) { Text = outreach.Message };
        body.Prepare(EncodingConstraint.EightBit, 998); // readable as a file; quoted-printable only for over-long lines
        message.Body = body;
        return message;
    }
}
