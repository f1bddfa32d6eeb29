using System.Collections.Frozen;
using System.Globalization;

namespace LeadPlatform.Compliance;

/// <summary>
/// The claims screen's learned layer: a small multinomial logistic regression (honest or one claim category), trained
/// offline on the labelled corpus by <c>claims-train</c> (tests/LeadPlatform.Benchmarks) and shipped as a versioned
/// embedded resource (Resources/claims-model.json, which records the corpus it was trained on). Each sentence is read as
/// features: Snowball stems and stem bigrams of the screen's own normalised tokens, a stem inside a negation's scope
/// marked <c>NOT_</c>, and the concept hits of the rule set's topic lexicons. A sentence no rule decided that the model
/// reads as a claim goes to <c>review</c> (never <c>blocked</c>) as <c>claims.model.&lt;category&gt;</c>, naming the
/// words that weighed most and the category's source. Immutable, thread-safe.
/// </summary>
public sealed class ClaimsModel
{
    /// <summary>The prefix of the model's rule ids (<c>claims.model.efficacy</c>, ...).</summary>
    public const string RulePrefix = "claims.model.";

    private const string Resource = "claims-model.json";

    private static readonly Lazy<ClaimsModel> Defaults = new(() => new ClaimsModel(EmbeddedData.ReadJson<ClaimsModelDocument>(Resource, "The claims model")));

    private static readonly FrozenDictionary<string, FrozenSet<string>> NegationWords = new Dictionary<string, FrozenSet<string>>
    {
        ["en"] = new[] { "not", "no", "never", "nor", "none", "nobody", "nothing", "without", "cannot", "cant", "dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "wouldnt", "couldnt", "shouldnt", "neither", "nowhere", "exclude", "excluded", "deny", "denied" }.ToFrozenSet(StringComparer.Ordinal),
        ["es"] = new[] { "no", "nunca", "jamas", "sin", "ni", "nadie", "nada", "ningun", "ninguna", "ninguno", "tampoco", "descartar", "descartamos", "descarta", "excluir", "negar" }.ToFrozenSet(StringComparer.Ordinal),
        ["pt"] = new[] { "nao", "nunca", "jamais", "sem", "nem", "ninguem", "nada", "nenhum", "nenhuma", "tampouco", "descartar", "descartamos", "descarta", "excluir", "negar" }.ToFrozenSet(StringComparer.Ordinal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly ClaimsModelDocument document;
    private readonly FrozenDictionary<string, float[]> weights;
    private readonly int honest;
    private readonly ClaimsModelFeatures.Kinds kinds;

    private ClaimsModel(ClaimsModelDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Version) || document.Classes.Count < 2 || document.Bias.Count != document.Classes.Count
            || document.Threshold is <= 0 or >= 1 || !document.Classes.Contains("honest")
            || document.Thresholds?.Values.Any(t => t is <= 0 or >= 1) == true || document.DismissScope is not (null or "topic" or "review" or "framed" or "all"))
        {
            throw new FormatException("The claims model needs a version, an 'honest' class and others, a bias per class and a threshold between 0 and 1.");
        }

        if (document.Weights.Values.Any(w => w.Length != document.Classes.Count))
        {
            throw new FormatException("Every weight of the claims model needs one value per class.");
        }

        // The weights are held once, frozen; the document kept for the settings has none (a second table of 100,000
        // entries held for nothing otherwise).
        weights = document.Weights.ToFrozenDictionary(StringComparer.Ordinal);
        this.document = document.WithWeights([]);
        honest = document.Classes.IndexOf("honest");
        kinds = ClaimsModelFeatures.Kinds.Unigrams;
        foreach (var f in document.Features)
        {
            kinds |= f switch
            {
                "bigrams" => ClaimsModelFeatures.Kinds.Bigrams,
                "concepts" => ClaimsModelFeatures.Kinds.Concepts,
                "negation-count" => ClaimsModelFeatures.Kinds.NegationCount,
                "char-grams" => ClaimsModelFeatures.Kinds.CharGrams,
                "forms" => ClaimsModelFeatures.Kinds.Forms,
                "context" => ClaimsModelFeatures.Kinds.Context,
                "conjunctions" => ClaimsModelFeatures.Kinds.Conjunctions,
                _ => throw new FormatException($"The claims model names a feature kind '{f}' this screen does not know."),
            };
        }
    }

    internal static List<string> KindNames(ClaimsModelFeatures.Kinds kinds)
        => [.. new[] { (ClaimsModelFeatures.Kinds.Bigrams, "bigrams"), (ClaimsModelFeatures.Kinds.Concepts, "concepts"), (ClaimsModelFeatures.Kinds.NegationCount, "negation-count"),
                (ClaimsModelFeatures.Kinds.CharGrams, "char-grams"), (ClaimsModelFeatures.Kinds.Forms, "forms"), (ClaimsModelFeatures.Kinds.Context, "context"),
                (ClaimsModelFeatures.Kinds.Conjunctions, "conjunctions") }
            .Where(k => (kinds & k.Item1) != 0).Select(k => k.Item2)];

    public string Version => document.Version;

    /// <summary>The corpus (its SHA-256) the model was trained on.</summary>
    public string? Corpus => document.Corpus;

    /// <summary>A sentence whose claim probability reaches this goes to review.</summary>
    public double Threshold => document.Threshold;

    /// <summary>The threshold for sentences read in <paramref name="language"/>: its own when the model names one, else <see cref="Threshold"/>.</summary>
    public double ThresholdFor(string language) => document.Thresholds is { } t && t.TryGetValue(language, out var v) ? v : document.Threshold;

    /// <summary>Whether <see cref="DismissBelow"/> may dismiss any review-only rule finding (<c>review</c>), those and a block finding in a
    /// sentence the rules saw in an honest frame (<c>framed</c>), any rule finding (<c>all</c>) or only the topic layer's (<c>topic</c>).</summary>
    public string DismissScope => document.DismissScope ?? "topic";

    /// <summary>Whether the model needs the rules' honest frames (<see cref="DismissScope"/> <c>framed</c>, or reading questions).</summary>
    internal bool NeedsFrames => DismissScope == "framed" || ReadsQuestions;

    /// <summary>Whether a sentence in which the rules judged a claim phrase negated or distanced is left to them.</summary>
    public bool RespectsRules => document.RespectRules;

    /// <summary>Whether questions are read like any sentence (a model trained with the sentence's form) unless the rules see them answered
    /// with a denial or a hedge (an honest frame or a negated claim in the next sentence); otherwise every question is left to the rules.</summary>
    public bool ReadsQuestions => document.ReadQuestions;

    /// <summary>When set, a topic-layer review finding whose sentence scores below this is dismissed as honest.</summary>
    public double? DismissBelow => document.DismissBelow;

    /// <summary>How much a sentence's words must favour a claim over honest (log-odds) for it to be held.</summary>
    public double MinEvidence => document.MinEvidence;

    public IReadOnlyList<string> Classes => document.Classes;

    /// <summary>The rule ids the model can report.</summary>
    public IReadOnlyList<string> RuleIds => [.. document.Classes.Where(c => c != "honest").Select(c => RulePrefix + c)];

    /// <summary>The model embedded in this assembly.</summary>
    public static ClaimsModel LoadDefault() => Defaults.Value;

    public static ClaimsModel FromJson(string json) => new(EmbeddedData.Deserialize<ClaimsModelDocument>(json, "The claims model"));

    internal static ClaimsModel FromDocument(ClaimsModelDocument document) => new(document);

    /// <summary>A copy of the document with its weights in ordinal order (as written), for the trainer to adjust and rebuild.</summary>
    internal ClaimsModelDocument Document => document.WithWeights(weights.OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal));

    /// <summary>The rule info of each category, for the compliance officer.</summary>
    public IReadOnlyList<ClaimRuleInfo> Rules => [.. document.Classes.Where(c => c != "honest").Select(c => new ClaimRuleInfo(
        RulePrefix + c, $"Learned model: reads as a {c} claim", c, FindingSeverity.Review, document.Sources.GetValueOrDefault(c), AdviceFor(c, []), document.Suggestion))];

    /// <summary>Each sentence of <paramref name="text"/> read in <paramref name="language"/>: its span, claim probability, most likely category and the words that weighed most.</summary>
    public IReadOnlyList<ModelReading> Read(string text, string language, ClaimRuleSet? rules)
    {
        var result = new List<ModelReading>();
        foreach (var sentence in ClaimsModelFeatures.Extract(text, language, rules, document.LanguagePrefixed, kinds))
        {
            result.Add(Score(sentence));
        }

        return result;
    }

    internal ModelReading Score(ClaimsModelFeatures.Sentence sentence)
    {
        var k = document.Classes.Count;
        Span<double> z = stackalloc double[k];
        for (var c = 0; c < k; c++)
        {
            z[c] = document.Bias[c];
        }

        foreach (var f in sentence.Features)
        {
            if (weights.TryGetValue(f.Name, out var w))
            {
                for (var c = 0; c < k; c++)
                {
                    z[c] += w[c];
                }
            }
        }

        var max = double.NegativeInfinity;
        foreach (var v in z)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        Span<double> p = stackalloc double[k];
        for (var c = 0; c < k; c++)
        {
            p[c] = Math.Exp(z[c] - max);
            sum += p[c];
        }

        var best = -1;
        for (var c = 0; c < k; c++)
        {
            p[c] /= sum;
            if (c != honest && (best < 0 || p[c] > p[best]))
            {
                best = c;
            }
        }

        // The words that weighed most for that category against honest, as the author wrote them.
        var words = sentence.Features
            .Select(f => (f.Surface, Weight: weights.TryGetValue(f.Name, out var w) ? w[best] - w[honest] : 0))
            .Where(x => x.Weight > 0.05 && x.Surface.Length > 0)
            .GroupBy(x => x.Surface, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Surface: g.Key, Weight: g.Sum(x => x.Weight)))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Surface, StringComparer.Ordinal)
            .Take(4).Select(x => x.Surface).ToArray();
        // The evidence of the words alone (no bias): a sentence the model knows nothing about is not a claim.
        double evidence = 0;
        foreach (var f in sentence.Features)
        {
            // Numbers are not evidence ("the quote is $5,000", "Clinic, 22 Elm Road"): only features made of words count, so a
            // number and the word beside it weigh in the probability but cannot alone make a sentence a claim.
            if (!f.Name.EndsWith("bias", StringComparison.Ordinal) && !f.Name.Contains('#') && weights.TryGetValue(f.Name, out var w))
            {
                evidence += w[best] - w[honest];
            }
        }

        // A fragment made only of names, numbers and a label (a place, a signature, "Lugar: Clínica ..., Calle Mayor 100")
        // asserts nothing: whatever its words weigh, it is no evidence of a claim (the rules still read it, and hold a verbless
        // claim: "Pain-free in 6 weeks!", "Cura garantizada").
        if (sentence.Fragment)
        {
            evidence = 0;
        }

        return new ModelReading(sentence.Start, sentence.End, 1 - p[honest], document.Classes[best], words, evidence);
    }

    /// <summary>
    /// The model's findings for <paramref name="text"/>: sentences it reads as claims that no finding in
    /// <paramref name="found"/> covers; and, when <see cref="DismissBelow"/> is set, removes from <paramref name="found"/>
    /// topic-layer review findings (<c>claims.topic.*</c>) whose sentence it reads as confidently honest.
    /// </summary>
    internal void Review(string text, string field, IEnumerable<(string Language, ClaimRuleSet? Rules)> languages, List<ComplianceViolation> found, IReadOnlyList<(int Start, int End)>? unasserted = null, IReadOnlyList<(int Start, int End)>? framed = null)
    {
        var added = new List<ComplianceViolation>();
        var dismiss = new HashSet<ComplianceViolation>();
        var keep = new HashSet<ComplianceViolation>();
        foreach (var (language, rules) in languages)
        {
            foreach (var reading in Read(text, language, rules))
            {
                var covering = found.Where(f => f.Start < reading.End && f.Start + f.Length > reading.Start).ToList();
                if (covering.Count > 0)
                {
                    foreach (var f in covering)
                    {
                        // Only the words may overrule the rules: a sentence read as honest on the prior alone, its words leaning
                        // to a claim, keeps what the rules found ("Si no lo tratamos antes del verano, puede que no vuelva a
                        // correr nunca" read 0.06 with its words weighing +0.3 toward urgency).
                        if (DismissBelow is { } below && Dismissable(f, framed) && reading.Probability < below && reading.Evidence <= 0)
                        {
                            dismiss.Add(f);
                        }
                        else
                        {
                            keep.Add(f);
                        }
                    }

                    continue;
                }

                // A question asks; the rules judge rhetorical ones ("why accept surgery when ...?") and the answer after it.
                // (A model trained to read questions, ReadsQuestions, judges them like any sentence.)
                var question = IsQuestion(text, reading) && (!ReadsQuestions || Answered(text, reading, framed, unasserted));
                // The rules read a claim phrase in this sentence and judged it negated or distanced: theirs to decide.
                var ruled = RespectsRules && unasserted is not null && unasserted.Any(u => u.Start < reading.End && u.End > reading.Start);
                if (question || ruled || reading.Probability < ThresholdFor(language) || reading.Evidence < document.MinEvidence || added.Any(a => a.Start < reading.End && a.Start + a.Length > reading.Start))
                {
                    continue;
                }

                added.Add(new ComplianceViolation
                {
                    Rule = RulePrefix + reading.Category,
                    Severity = FindingSeverity.Review,
                    Category = reading.Category,
                    Source = document.Sources.GetValueOrDefault(reading.Category),
                    Advice = AdviceFor(reading.Category, reading.Words) + string.Create(CultureInfo.InvariantCulture, $" (model {Version}, score {reading.Probability:0.00})"),
                    Suggestion = document.Suggestion,
                    Field = field,
                    Match = text[reading.Start..reading.End],
                    Start = reading.Start,
                    Length = reading.End - reading.Start,
                });
            }
        }

        // A finding is dismissed only when every language that read its sentence found it confidently honest.
        found.RemoveAll(f => dismiss.Contains(f) && !keep.Contains(f));
        found.AddRange(added);
    }

    /// <summary>A finding the model may dismiss: the topic layer's; with scope <c>review</c>, any rule finding that only holds for review; with
    /// <c>framed</c>, those and a block finding inside a sentence the rules saw in an honest frame (<paramref name="framed"/>); with <c>all</c>, any rule finding.</summary>
    internal bool Dismissable(ComplianceViolation f, IReadOnlyList<(int Start, int End)>? framed = null) => !ClaimRuleSet.IsOfficialReport(f.Rule) && DismissScope switch
    {
        "all" => !f.Rule.StartsWith(RulePrefix, StringComparison.Ordinal),
        "framed" => !f.Rule.StartsWith(RulePrefix, StringComparison.Ordinal) && (f.Severity == FindingSeverity.Review || InFrame(f, framed)),
        "review" => f.Severity == FindingSeverity.Review && !f.Rule.StartsWith(RulePrefix, StringComparison.Ordinal),
        _ => f.Rule.Contains(".topic.", StringComparison.Ordinal),
    };

    /// <summary>Whether a finding starts inside a span the rules saw in an honest frame.</summary>
    internal static bool InFrame(ComplianceViolation f, IReadOnlyList<(int Start, int End)>? framed)
    {
        if (framed is null)
        {
            return false;
        }

        foreach (var (start, end) in framed)
        {
            if (start <= f.Start && f.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the rules see a question answered: it lies in a framed span (its own sentence or the next has an honest frame: "Will it
    /// heal? Nobody can promise that"), or a claim phrase the rules judged negated or distanced starts in the next sentence.
    /// </summary>
    internal static bool Answered(string text, ModelReading reading, IReadOnlyList<(int Start, int End)>? framed, IReadOnlyList<(int Start, int End)>? unasserted)
    {
        if (framed is not null)
        {
            foreach (var (start, end) in framed)
            {
                if (start < reading.End && reading.Start < end)
                {
                    return true;
                }
            }
        }

        if (unasserted is null || unasserted.Count == 0)
        {
            return false;
        }

        var next = reading.End;
        while (next < text.Length && (text[next] is '?' or '!' or '.' || char.IsWhiteSpace(text[next])))
        {
            next++;
        }

        var until = next;
        while (until < text.Length && text[until] is not ('?' or '!' or '.' or '\n'))
        {
            until++;
        }

        foreach (var (start, _) in unasserted)
        {
            if (start >= next && start < until)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the sentence read is a question (it ends with '?').</summary>
    internal static bool IsQuestion(string text, ModelReading reading)
        => text.AsSpan(reading.Start, reading.End - reading.Start).TrimEnd().EndsWith("?", StringComparison.Ordinal)
            || (reading.End < text.Length && text[reading.End] == '?');

    private static string AdviceFor(string category, IReadOnlyList<string> words)
        => words.Count == 0
            ? $"The claims model reads this sentence as a {category} claim: a compliance officer should check it."
            : $"The claims model reads this sentence as a {category} claim, mostly from the words {string.Join(", ", words.Select(w => "\"" + w + "\""))}: a compliance officer should check it.";

    internal static bool IsNegation(string language, ReadOnlySpan<char> word)
        => NegationWords.TryGetValue(language, out var set) && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
