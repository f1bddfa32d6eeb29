using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using MimeKit;
using MimeKit.Text;

namespace LeadPlatform.FollowUp.Channels;

/// <summary>
/// The RFC 5322 message of a cleared email, whichever channel carries it (file or SMTP): the text exactly as cleared
/// (disclaimer and unsubscribe link included), <c>List-Unsubscribe</c> with the same one-click link as the body and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058), and a Message-Id derived from the OutreachId,
/// so every attempt at the same outreach is the same message.
/// </summary>
internal static class OutreachEmail
{
    public static MimeMessage Compose(ClearedOutreach outreach, string fromAddress, MimeEntity? attachment = null)
    {
        // The link issued for this outreach (never text found in the body, which may quote what a visitor typed), and
        // only if the body carries it and it cannot break out of the header's angle brackets.
        var unsubscribe = outreach.UnsubscribeUrl;
        if (string.IsNullOrEmpty(unsubscribe) || !outreach.Message.Contains(unsubscribe, StringComparison.Ordinal)
            || !Uri.TryCreate(unsubscribe, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")
            || unsubscribe.Any(c => c is '<' or '>' or ',' or '"' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ChannelRejectedException("The email carries no one-click unsubscribe link: it is not sent.");
        }
        if (!MailboxAddress.TryParse(outreach.Recipient, out var to)) throw new ChannelRejectedException("The recipient is not an email address.");
        if (!MailboxAddress.TryParse(fromAddress, out var from)) throw new ChannelRejectedException("The configured From address is not an email address.");
        var message = new MimeMessage
        {
            Subject = outreach.Subject ?? string.Empty,
            Date = outreach.ClearedAt,
            MessageId = MessageIdFor(outreach.OutreachId, from),
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
        if (attachment is null)
        {
            message.Body = body;
        }
        else
        {
            // A consultation's calendar invite (text/calendar; method=…) beside the text as cleared.
            var mixed = new Multipart("mixed") { body, attachment };
            message.Body = mixed;
        }
        return message;
    }

    /// <summary><c>{outreachId}@{sender's domain}</c>: one outreach, one Message-Id, however often it is attempted.</summary>
    public static string MessageIdFor(Guid outreachId, MailboxAddress from) =>
        $"{outreachId:D}@{(from.Domain is { Length: > 0 } d ? d : "followup.leadplatform")}";
}
