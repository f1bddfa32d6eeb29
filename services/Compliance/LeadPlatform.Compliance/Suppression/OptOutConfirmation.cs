using System.Globalization;
using System.Text;

namespace LeadPlatform.Compliance;

/// <summary>
/// The one-time text confirming an SMS opt-out, in English, Spanish or Portuguese. Under 47 CFR § 64.1200(a)(12) (FCC
/// 24-24, 2024) a confirmation that only confirms the revocation, carries no marketing, and is sent within five minutes
/// of the request does not violate the TCPA. The text is fixed (versioned): nothing else passes the gate as one.
/// </summary>
public static class OptOutConfirmation
{
    public const string Version = "sms-opt-out-confirmation-1";

    /// <summary>The window in which at most one confirmation goes to the same number.</summary>
    public static readonly TimeSpan OnePerNumberWithin = TimeSpan.FromMinutes(5);

    private static readonly Dictionary<string, string> Templates = new(StringComparer.Ordinal)
    {
        ["en"] = "You're unsubscribed from {0} texts. No more messages will be sent.",
        ["es"] = "Se ha dado de baja de los mensajes de {0}. No le enviaremos más mensajes.",
        ["pt"] = "Você cancelou o recebimento de mensagens de {0}. Não enviaremos mais mensagens.",
    };

    // Words of a reply that only one of the languages uses (folded: lower case, no accents).
    private static readonly string[] SpanishWords = ["baja", "alto", "basta", "suscripcion", "escriban", "escribas", "escriba", "manden", "mandes", "envien",
        "contacten", "contactes", "llamen", "molesten", "mas", "ya", "mensajes", "textees", "texteen"];
    private static readonly string[] PortugueseWords = ["sair", "pare", "parem", "descadastrar", "descadastre", "inscricao", "nao", "quero", "mensagens",
        "mandar", "mandem", "enviar", "contato", "ligar", "mais"];

    public static IReadOnlyCollection<string> Languages => Templates.Keys;

    /// <summary>The confirmation in <paramref name="language"/> (en, es or pt; anything else: en), naming the clinic.</summary>
    public static string Text(string? language, string? clinicName)
    {
        var name = string.IsNullOrWhiteSpace(clinicName) ? DefaultClinic(language) : clinicName.Trim();
        return string.Format(CultureInfo.InvariantCulture, Templates[Known(language)], name);
    }

    /// <summary>
    /// The language to confirm in: the reply's own when its words are only Spanish's or only Portuguese's (BAJA, "ya no me
    /// escriban"; SAIR, "não quero mais mensagens"), else the lead's language when it is es or pt, else English.
    /// </summary>
    public static string LanguageOf(string? reply, string? leadLanguage)
    {
        var words = Fold(reply).Split((char[])[' ', ',', '.', '!', '?', ';', ':', '\n', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var spanish = words.Count(w => SpanishWords.Contains(w));
        var portuguese = words.Count(w => PortugueseWords.Contains(w));
        if (spanish > portuguese) return "es";
        if (portuguese > spanish) return "pt";
        var lead = Known(leadLanguage);
        return lead is "es" or "pt" ? lead : "en";
    }

    /// <summary>True when <paramref name="body"/> is exactly the confirmation in <paramref name="language"/> naming <paramref name="clinicName"/>.</summary>
    public static bool IsConfirmation(string? body, string? language, string? clinicName)
        => language is not null && Templates.ContainsKey(language) && string.Equals(body, Text(language, clinicName), StringComparison.Ordinal);

    private static string Known(string? language)
    {
        var tag = (language ?? "en").Trim().ToLowerInvariant();
        if (tag.Length > 2) tag = tag[..2];
        return Templates.ContainsKey(tag) ? tag : "en";
    }

    private static string DefaultClinic(string? language) => Known(language) switch
    {
        "es" => "la clínica",
        "pt" => "a clínica",
        _ => "the clinic",
    };

    private static string Fold(string? text)
    {
        var decomposed = (text ?? string.Empty).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
        }

        return kept.ToString();
    }
}
