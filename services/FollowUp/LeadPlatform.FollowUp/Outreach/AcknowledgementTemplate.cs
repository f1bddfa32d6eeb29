using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// The automatic acknowledgement: an honest receipt with no claims about the treatment, by email, or by SMS when that is
/// the only consented written channel. Written in English (the message's language, whatever the lead's), so it gets the
/// English disclaimers.
/// </summary>
internal static class AcknowledgementTemplate
{
    public const string Author = "system:acknowledgement";
    public const string Subject = "We received your request";

    /// <summary>The idempotency key: one acknowledgement per follow-up task, however often the task's event arrives.</summary>
    public static string KeyFor(Guid taskId) => $"acknowledgement:{taskId:D}";

    /// <summary>Email if the lead consented to it, else SMS if they consented to that; otherwise none.</summary>
    public static OutreachChannel? ChannelFor(LeadDocument lead)
    {
        if (lead.Consent?.Email.Granted == true && !string.IsNullOrWhiteSpace(lead.Person?.Email)) return OutreachChannel.Email;
        if (lead.Consent?.Sms.Granted == true && !string.IsNullOrWhiteSpace(lead.Person?.Phone)) return OutreachChannel.Sms;
        return null;
    }

    public static OutreachRequest For(LeadDocument lead, OutreachChannel channel, string key, Guid? conversationId)
    {
        var name = string.IsNullOrWhiteSpace(lead.Person?.FirstName) ? "Hello" : $"Hello {lead.Person.FirstName.Trim()}";
        var about = ConditionNames.Describe(lead.Inquiry?.Condition);
        var body = channel == OutreachChannel.Email
            ? $"""
              {name},

              Thank you for getting in touch. We received your request about {about}.

              A patient coordinator will contact you to answer your questions and to explain the next steps. You do not need to do anything in the meantime.

              Kind regards,
              The patient coordination team
              """
            : $"{name}, we received your request about {about}. A patient coordinator will contact you to answer your questions.";
        return new OutreachRequest
        {
            Channel = channel,
            Subject = channel == OutreachChannel.Email ? Subject : null,
            Body = body,
            Author = Author,
            Language = "en",
            Kind = OutreachKinds.Acknowledgement,
            Key = key,
            ConversationId = conversationId,
        };
    }
}
