using System.Collections.Frozen;

namespace LeadPlatform.Compliance;

/// <summary>
/// The claims screen in three languages: one rule set each for English, Spanish and Portuguese (versioned data,
/// written per language), run on the draft's language and on any other of the three the text itself is written in
/// (a Spanish claim sent with language <c>en</c> is still read as Spanish). Optionally an English semantic second
/// opinion (<see cref="SemanticSecondOpinion"/>) looks at sentences the rules did not decide. Immutable, thread-safe.
/// </summary>
public sealed class ClaimsScreen
{
    private static readonly string[] DefaultResources = ["claim-rules.json", "claim-rules.es.json", "claim-rules.pt.json"];

    private static readonly Lazy<ClaimRuleSet[]> DefaultSets = new(() => [.. DefaultResources.Select(ClaimRuleSet.FromResource)]);

    private static readonly Lazy<ClaimsScreen> RulesOnly = new(() => new ClaimsScreen(DefaultSets.Value, null, ClaimsModel.LoadDefault()));

    private static readonly Lazy<ClaimsScreen> WithSemantic = new(() => new ClaimsScreen(DefaultSets.Value, SemanticSecondOpinion.LoadDefault(), ClaimsModel.LoadDefault()));

    /// <summary>The embedded rule sets (en, es, pt), shared: a screen of the rules alone is <c>new ClaimsScreen(DefaultRuleSets)</c>.</summary>
    internal static IReadOnlyList<ClaimRuleSet> DefaultRuleSets => DefaultSets.Value;

    private static readonly FrozenDictionary<string, string[]> Markers = new Dictionary<string, string[]>
    {
        ["en"] = ["the", "and", "you", "your", "with", "this", "we", "our", "will", "is", "are", "it", "of", "to", "have", "for", "that", "not", "can"],
        ["es"] = ["el", "la", "los", "las", "y", "en", "del", "al", "con", "su", "sus", "es", "una", "lo", "le", "usted", "muy", "pero", "sin", "hay", "puede", "ya", "tambien", "eso", "gracias", "hola", "nuestro", "nuestra"],
        ["pt"] = ["o", "os", "e", "do", "da", "dos", "das", "em", "na", "um", "uma", "com", "nao", "ao", "voce", "sem", "sao", "pela", "pelo", "mais", "muito", "tem", "seu", "sua", "lhe", "pode", "ja", "tambem", "isso", "obrigado", "ola", "nosso", "nossa", "vai", "voce"],
        ["es+pt"] = ["de", "que", "para", "por", "se", "dia", "todo", "todos", "como", "cada", "dolor", "dor", "muchas", "muitas", "tratamiento", "tratamento", "celulas", "cirugia", "cirurgia", "paciente", "pacientes"],
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, ClaimRuleSet> sets;
    private readonly SemanticSecondOpinion? semantic;
    private readonly ClaimsModel? model;

    /// <param name="model">The learned layer (<see cref="ClaimsModel"/>), which can send a sentence no rule decided to review.</param>
    public ClaimsScreen(IEnumerable<ClaimRuleSet> ruleSets, SemanticSecondOpinion? semantic = null, ClaimsModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        var all = ruleSets.ToList();
        var duplicate = all.GroupBy(s => s.Language, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (all.Count == 0 || duplicate is not null)
        {
            throw new ArgumentException("One claim rule set per language, at least one.", nameof(ruleSets));
        }

        sets = all.ToFrozenDictionary(s => s.Language, StringComparer.Ordinal);
        this.semantic = semantic;
        this.model = model;
        Version = string.Join(";", all.Select(s => s.Version).Append(semantic?.Version).Append(model?.Version).OfType<string>());
        RuleIds = [.. all.SelectMany(s => s.RuleIds).Concat(semantic is null ? [] : [SemanticSecondOpinion.RuleId]).Concat(model?.RuleIds ?? []).Distinct(StringComparer.Ordinal)];
        Rules = [.. all.SelectMany(s => s.Rules).Concat(model?.Rules ?? [])];
    }

    /// <summary>The embedded rule sets (en, es, pt); with <paramref name="semantic"/> also the English semantic second opinion, whose model loads on first use.</summary>
    public static ClaimsScreen LoadDefault(bool semantic = false) => semantic ? WithSemantic.Value : RulesOnly.Value;

    /// <summary>The versions of the rule sets (and exemplar library) in force, as recorded in evidence.</summary>
    public string Version { get; }

    public IReadOnlyList<string> Languages => [.. sets.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>Every rule of every language, with its source, for the compliance officer.</summary>
    public IReadOnlyList<ClaimRuleInfo> Rules { get; }

    public bool HasSemanticSecondOpinion => semantic is not null;

    /// <summary>The learned layer in force, or null.</summary>
    public ClaimsModel? Model => model;

    /// <summary>The rule set of one language, or null.</summary>
    public ClaimRuleSet? RuleSet(string language) => sets.GetValueOrDefault(BaseLanguage(language) ?? string.Empty);

    /// <summary>Screens one field of a message written for <paramref name="language"/>.</summary>
    public IReadOnlyList<ComplianceViolation> Screen(string text, string field = "body", string? language = "en") => Screen(text, field, language, null);

    /// <summary>As <see cref="Screen(string, string, string?)"/>; <paramref name="unasserted"/>, when given, receives the spans of claim phrases the rules judged negated or distanced;
    /// <paramref name="framed"/>, when given, the spans of sentences the rules saw in an honest frame (and the sentence before each).</summary>
    internal IReadOnlyList<ComplianceViolation> Screen(string text, string field, string? language, List<(int Start, int End)>? unasserted, List<(int Start, int End)>? framed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var languages = LanguagesOf(text, BaseLanguage(language));
        var writtenIn = LanguagesOf(text, null);
        var decided = semantic is not null && languages.Contains("en") ? new List<(int Start, int End)>() : null;
        var found = new List<ComplianceViolation>();
        unasserted ??= model is { RespectsRules: true } ? [] : null;
        framed ??= model is { NeedsFrames: true } ? [] : null;
        foreach (var l in languages)
        {
            foreach (var v in sets[l].Screen(text, field, l == "en" ? decided : null, topicsToo: writtenIn.Contains(l) || writtenIn.Count == sets.Count, unasserted, framed))
            {
                if (!found.Any(f => f.Rule == v.Rule && f.Start == v.Start && f.Length == v.Length))
                {
                    found.Add(v);
                }
            }
        }

        if (decided is not null)
        {
            found.AddRange(semantic!.Review(text, field, decided));
        }

        // The learned layer reads the languages the text is written in (as the topics do); it can only hold for review.
        model?.Review(text, field, languages.Where(l => writtenIn.Contains(l) || writtenIn.Count == sets.Count).Select(l => (l, (ClaimRuleSet?)sets[l])), found, unasserted, framed);

        return found;
    }

    /// <summary>
    /// The languages to read the text in: the draft's; English too when the text uses English function words; and,
    /// when it uses Spanish or Portuguese words, of the two (which share many words, so each rule set would misread
    /// the other) the one whose own function words the text uses more, or both on a tie.
    /// </summary>
    internal List<string> LanguagesOf(string text, string? draftLanguage)
    {
        int en = 0, es = 0, pt = 0, romance = 0;
        foreach (var c in text)
        {
            // Letters English does not use: a sign of Spanish or Portuguese (ã õ ç ê ô à Portuguese, ñ ¿ ¡ Spanish).
            switch (char.ToLowerInvariant(c))
            {
                case 'á' or 'é' or 'í' or 'ó' or 'ú':
                    romance++;
                    break;
                case 'ã' or 'õ' or 'ç' or 'ê' or 'ô' or 'à':
                    pt++;
                    break;
                case 'ñ' or '¿' or '¡':
                    es++;
                    break;
            }
        }

        foreach (var word in Words(text))
        {
            en += Array.IndexOf(Markers["en"], word) >= 0 ? 1 : 0;
            es += Array.IndexOf(Markers["es"], word) >= 0 ? 1 : 0;
            pt += Array.IndexOf(Markers["pt"], word) >= 0 ? 1 : 0;
            romance += Array.IndexOf(Markers["es+pt"], word) >= 0 ? 1 : 0;
        }

        var wanted = new List<string>(3);
        if (draftLanguage is not null)
        {
            wanted.Add(draftLanguage);
        }

        if (en >= 2)
        {
            wanted.Add("en");
        }

        // Words both languages share say "Spanish or Portuguese"; each one's own words say which (both on a tie).
        if (es + pt + romance >= 2)
        {
            if (draftLanguage is "es" or "pt")
            {
                var (other, mine, theirs) = draftLanguage == "es" ? ("pt", es, pt) : ("es", pt, es);
                if (theirs > mine)
                {
                    wanted.Add(other);
                }
            }
            else
            {
                if (es >= pt)
                {
                    wanted.Add("es");
                }

                if (pt >= es)
                {
                    wanted.Add("pt");
                }
            }
        }

        var result = wanted.Distinct(StringComparer.Ordinal).Where(sets.ContainsKey).ToList();
        if (result.Count == 0)
        {
            result.AddRange(sets.Keys);
        }

        return result;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start <= 9)
                {
                    yield return CharFolding.FoldWord(text[start..i]);
                }

                start = -1;
            }
        }
    }

    private static string? BaseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var l = language.Trim().ToLowerInvariant();
        var dash = l.IndexOfAny(['-', '_']);
        return dash > 0 ? l[..dash] : l;
    }
}
