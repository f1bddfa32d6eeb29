using System.Globalization;
using System.Text;
using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Import;

/// <summary>
/// Which field a column is, from the headers spreadsheets and CRMs use ("First Name", "first_name", "Given name",
/// "E-mail", "Mobile", "ZIP", "Postcode", "SMS consent date", "Texting consent source"...), case, accents, spaces and
/// punctuation ignored. Consent columns are per channel (email; sms or text; phone or call) and part (source, text, date).
/// </summary>
public static class ImportColumns
{
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string DateOfBirth = "date_of_birth";
    public const string Condition = "condition";
    public const string ConditionOther = "condition_other";
    public const string State = "state";
    public const string PostalCode = "postal_code";
    public const string Country = "country";
    public const string Language = "language";
    public const string PreferredChannel = "preferred_channel";
    public const string Source = "source";
    public const string Message = "message";

    /// <summary>Every channel's name (its <see cref="ChannelPolicy.Name"/>): each has its consent columns.</summary>
    public static readonly IReadOnlyList<string> ConsentChannels = [.. ChannelPolicy.All.Select(p => p.Name)];

    /// <summary>The other words a header uses for a channel's consent, besides the channel's own name.</summary>
    private static readonly Dictionary<string, string[]> ConsentWords = new(StringComparer.Ordinal)
    {
        ["email"] = ["mail"],
        ["sms"] = ["text", "texting", "textmessage"],
        ["phone"] = ["call", "calls", "telephone"],
    };
    public static readonly IReadOnlyList<string> ConsentParts = ["source", "text", "date"];

    public static string Consent(string channel, string part) => $"{channel}_consent_{part}";

    private static readonly Dictionary<string, string> Names = Build();

    /// <summary>The field a header names, or null.</summary>
    public static string? FieldOf(string header)
    {
        var key = Key(header);
        if (Names.TryGetValue(key, out var field)) return field;
        foreach (var channel in ConsentChannels)
        {
            string[] words = [channel, .. ConsentWords.GetValueOrDefault(channel, [])];
            foreach (var word in words)
            {
                foreach (var part in ConsentParts)
                {
                    foreach (var alias in PartAliases(part))
                    {
                        if (key == word + "consent" + alias || key == "consent" + word + alias || key == word + alias + "consent") return Consent(channel, part);
                    }
                }
            }
        }
        return null;
    }

    private static IEnumerable<string> PartAliases(string part) => part switch
    {
        "source" => ["source", "from", "origin", "capturedon", "sourceurl"],
        "text" => ["text", "wording", "language", "statement"],
        _ => ["date", "at", "time", "timestamp", "dateutc", "given", "givenat"],
    };

    private static Dictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, params string[] aliases) { foreach (var a in aliases) names[Key(a)] = field; }
        Add(FirstName, "first name", "firstname", "first", "given name", "forename", "nombre", "primeiro nome");
        Add(LastName, "last name", "lastname", "last", "surname", "family name", "apellido", "apellidos", "sobrenome");
        Add(Email, "email", "e-mail", "email address", "mail", "correo", "correo electronico");
        Add(Phone, "phone", "phone number", "mobile", "mobile phone", "cell", "cell phone", "telephone", "tel", "telefono", "telefone", "celular");
        Add(DateOfBirth, "date of birth", "dob", "birth date", "birthdate", "birthday", "fecha de nacimiento", "data de nascimento");
        Add(Condition, "condition", "diagnosis", "diagnose", "condicion", "condicao");
        Add(ConditionOther, "condition other", "other condition", "condition description", "condition details");
        Add(State, "state", "province", "region", "estado", "provincia");
        Add(PostalCode, "postal code", "postalcode", "zip", "zip code", "zipcode", "postcode", "post code", "codigo postal", "cep");
        Add(Country, "country", "country code", "pais");
        Add(Language, "language", "lang", "preferred language", "idioma", "lingua");
        Add(PreferredChannel, "preferred channel", "channel", "contact preference", "preferred contact");
        Add(Source, "source", "lead source", "origin", "utm source", "fuente", "origem");
        Add(Message, "message", "notes", "note", "comments", "comment", "mensaje", "mensagem");
        return names;
    }

    internal static string Key(string header)
    {
        var key = new StringBuilder();
        foreach (var c in header.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }
}
