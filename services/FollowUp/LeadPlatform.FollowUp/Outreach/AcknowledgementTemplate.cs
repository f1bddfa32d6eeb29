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
    public const string Author = OutreachDraft.AcknowledgementAuthor;
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

    public const int MaxGreetedNameLength = 40;

    /// <summary>
    /// The first name as the automatic message may repeat it: letters (accented and of any script), spaces, hyphens and
    /// apostrophes only, at most <see cref="MaxGreetedNameLength"/> characters, starting with a letter. Anything else (a
    /// URL, digits, an @, punctuation, a header or a payload) is not repeated at all: the message says "Hello," — so the
    /// public form cannot make the clinic send someone else's words to any address.
    /// </summary>
    public static string? GreetableName(string? firstName)
    {
        if (string.IsNullOrWhiteSpace(firstName)) return null;
        var name = string.Join(' ', firstName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length > MaxGreetedNameLength || !char.IsLetter(name[0])) return null;
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            var letter = char.IsLetter(c) || category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
            if (!letter && c is not (' ' or '-' or '\'' or '\u2019')) return null;
        }
        return name.Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>The recipient of an automatic message on a channel, normalised (lower-case email, the phone as stored).</summary>
    public static string? RecipientFor(LeadDocument lead, OutreachChannel channel) => channel switch
    {
        OutreachChannel.Email => lead.Person?.Email?.Trim().ToLowerInvariant(),
        OutreachChannel.Sms => lead.Person?.Phone?.Trim(),
        _ => null,
    };

    public static OutreachRequest For(LeadDocument lead, OutreachChannel channel, string key, Guid? conversationId)
    {
        var name = GreetableName(lead.Person?.FirstName) is { } first ? $"Hello {first}" : "Hello";
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
