using System.Diagnostics;
using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// The automatic acknowledgement: an honest receipt with no claims about the treatment, by email, or by SMS when that is
/// the only consented written channel. Written in the lead's language (the one their submission carried) when there is
/// a text for it here (en, es, pt) and an evidence disclaimer for their condition, the channel and that language;
/// otherwise in English, with the English disclaimers.
/// </summary>
internal static class AcknowledgementTemplate
{
    public const string Author = OutreachDraft.AcknowledgementAuthor;
    public const string Subject = "We received your request";

    /// <summary>The languages the acknowledgement is written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "pt"];

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
    public static string? RecipientFor(LeadDocument lead, OutreachChannel channel) => ChannelPolicy.For(channel) switch
    {
        { SentAutomatically: false } => null,
        { Address: ChannelAddress.EmailAddress } => lead.Person?.Email?.Trim().ToLowerInvariant(),
        { Address: ChannelAddress.PhoneNumber } => lead.Person?.Phone?.Trim(),
        var policy => throw new UnreachableException($"{policy.Name} has no address kind."),
    };

    /// <summary>The lead's language (its base: <c>es-MX</c> is <c>es</c>) when it is written here and a disclaimer exists for it; else <c>en</c>.</summary>
    public static string LanguageFor(LeadDocument lead, OutreachChannel channel, DisclaimerRegistry disclaimers)
    {
        var tag = lead.Person?.Language?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(tag)) return "en";
        var dash = tag.IndexOfAny(['-', '_']);
        var language = dash > 0 ? tag[..dash] : tag;
        return Languages.Contains(language) && disclaimers.Covers(lead.Inquiry?.Condition ?? string.Empty, channel, language) ? language : "en";
    }

    public static OutreachRequest For(LeadDocument lead, OutreachChannel channel, string key, Guid? conversationId, string language = "en")
    {
        var first = GreetableName(lead.Person?.FirstName);
        var condition = lead.Inquiry?.Condition;
        var (subject, body) = language switch
        {
            "es" => Spanish(channel, first, condition),
            "pt" => Portuguese(channel, first, condition),
            _ => English(channel, first, condition),
        };
        var emailSubject = channel == OutreachChannel.Email ? subject : null;
        return new OutreachRequest
        {
            Channel = channel,
            Subject = emailSubject,
            Body = body,
            Author = Author,
            Language = language,
            Kind = OutreachKinds.Acknowledgement,
            Key = key,
            ConversationId = conversationId,
            ApprovedContent = FixedWording(channel, language, emailSubject, body, first, condition is null ? null : ConditionNames.Describe(condition)),
        };
    }

    /// <summary>
    /// The acknowledgement's own fixed wording as approved content: the claims screen (whose rules and learned layer cost
    /// most of follow-up's CPU per lead when they read the whole text) does not read the product's own sentences again for
    /// every lead. What came from the submission — the first name and the condition as written into the text — stays
    /// outside every approved piece, so the screen still reads it; consent, opt-outs, timing and disclaimers are checked as
    /// before, and the evidence lists the approved pieces' ids (<c>acknowledgement:email:en:subject</c>, <c>…:body#1</c>, …).
    /// </summary>
    internal static IReadOnlyList<ApprovedContent> FixedWording(OutreachChannel channel, string language, string? subject, string body, params string?[] filledIn)
        => FixedWording($"acknowledgement:{ChannelNames.Of(channel)}:{language}", subject, body, filledIn);

    /// <summary>
    /// A product text's fixed wording as approved content, named <paramref name="id"/> (<c>…:subject</c>, <c>…:body#1</c>, …):
    /// the body split at every value filled into it (<paramref name="filledIn"/>, in that order), so those values stay outside
    /// every approved piece and the claims screen still reads them.
    /// </summary>
    internal static IReadOnlyList<ApprovedContent> FixedWording(string id, string? subject, string body, params string?[] filledIn)
    {
        var pieces = new List<string> { body };
        foreach (var value in filledIn)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            pieces = [.. pieces.SelectMany(p => p.Split(value, StringSplitOptions.None))];
        }
        var approved = pieces.Where(p => p.Any(char.IsLetter)).Distinct(StringComparer.Ordinal)
            .Select((p, i) => new ApprovedContent { Id = $"{id}:body#{i + 1}", Text = p }).ToList();
        if (!string.IsNullOrEmpty(subject)) approved.Insert(0, new ApprovedContent { Id = id + ":subject", Text = subject });
        return approved;
    }

    private static (string Subject, string Body) English(OutreachChannel channel, string? first, string? condition)
    {
        var name = string.IsNullOrEmpty(first) ? "Hello" : $"Hello {first}";
        var about = ConditionNames.Describe(condition);
        return (Subject, channel == OutreachChannel.Email
            ? $"""
              {name},

              Thank you for getting in touch. We received your request about {about}.

              A patient coordinator will contact you to answer your questions and to explain the next steps. You do not need to do anything in the meantime.

              Kind regards,
              The patient coordination team
              """
            : $"{name}, we received your request about {about}. A patient coordinator will contact you to answer your questions.");
    }

    private static (string Subject, string Body) Spanish(OutreachChannel channel, string? first, string? condition)
    {
        var name = string.IsNullOrEmpty(first) ? "Hola" : $"Hola, {first}";
        var about = condition switch
        {
            "spondylolysis" => "la espondilólisis",
            "spondylolisthesis" => "la espondilolistesis",
            "degenerative_disc_disease" => "la enfermedad degenerativa del disco",
            _ => "su afección",
        };
        return ("Hemos recibido su solicitud", channel == OutreachChannel.Email
            ? $"""
              {name}:

              Gracias por ponerse en contacto con nosotros. Hemos recibido su solicitud sobre {about}.

              Un coordinador de pacientes se pondrá en contacto con usted para responder a sus preguntas y explicarle los próximos pasos. Mientras tanto, no necesita hacer nada.

              Atentamente,
              El equipo de coordinación de pacientes
              """
            : $"{name}: hemos recibido su solicitud sobre {about}. Un coordinador de pacientes se pondrá en contacto con usted para responder a sus preguntas.");
    }

    private static (string Subject, string Body) Portuguese(OutreachChannel channel, string? first, string? condition)
    {
        var name = string.IsNullOrEmpty(first) ? "Olá" : $"Olá, {first}";
        var about = condition switch
        {
            "spondylolysis" => "a espondilólise",
            "spondylolisthesis" => "a espondilolistese",
            "degenerative_disc_disease" => "a doença degenerativa do disco",
            _ => "a sua condição",
        };
        return ("Recebemos o seu pedido", channel == OutreachChannel.Email
            ? $"""
              {name},

              Obrigado por entrar em contato. Recebemos o seu pedido sobre {about}.

              Um coordenador de pacientes entrará em contato para responder às suas perguntas e explicar os próximos passos. Enquanto isso, não é preciso fazer nada.

              Atenciosamente,
              A equipe de coordenação de pacientes
              """
            : $"{name}, recebemos o seu pedido sobre {about}. Um coordenador de pacientes entrará em contato para responder às suas perguntas.");
    }
}
