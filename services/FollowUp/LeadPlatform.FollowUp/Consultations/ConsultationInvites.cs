using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.FollowUp.Tasks;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// The calendar invite an email about a consultation carries: found by the cleared outreach's id among the consultation's
/// messages (REQUEST or CANCEL), built from the consultation as it stands, the same bytes on every attempt of one outreach.
/// Texts carry no attachment. Null: the email is not about a consultation.
/// </summary>
internal sealed class ConsultationInvites(ILeadStore store, SlaClock clock, IOptions<FollowUpOptions> options)
{
    public async Task<MimePart?> ForAsync(ClearedOutreach outreach, CancellationToken cancellationToken)
    {
        if (outreach.Channel != OutreachChannel.Email) return null;
        // The sender's lead as it wrote it, when it is the one sending (no second read of the lead per email).
        var lead = HeldLead.For(outreach.LeadId) ?? await store.GetAsync(outreach.LeadId, cancellationToken);
        if (lead is null) return null;
        foreach (var c in lead.Consultations)
        {
            if (c.Messages.Find(m => m.OutreachId == outreach.OutreachId && m.Method is "REQUEST" or "CANCEL") is not { } message) continue;
            var (subject, body) = ConsultationTexts.For(message.Method, c, lead.Person?.Language, clock.TimeZone);
            var organizer = MailboxAddress.TryParse(options.Value.FromAddress, out var from) ? from.Address : "coordinators@clinic.example";
            var ics = CalendarInvite.Build(c, message.Method, message.Sequence, outreach.ClearedAt, organizer, outreach.Recipient, subject, body);
            var part = new MimePart("text", "calendar")
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
                ContentTransferEncoding = ContentEncoding.Base64,
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "consultation.ics" },
                FileName = "consultation.ics",
            };
            part.ContentType.Parameters.Add("method", message.Method);
            part.ContentType.Charset = "utf-8";
            return part;
        }
        return null;
    }
}
