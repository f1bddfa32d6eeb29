using System.Collections.Frozen;
namespace LeadPlatform.Compliance;

/// <summary>
/// The claims model's features, per sentence of a text, from the screen's own normalisation (<see cref="PreparedText"/>:
/// entities, digits and symbols for letters; <see cref="TokenizedText"/>: look-alikes, accents, spacing, sentence and
/// clause breaks): <c>u:stem</c> unigrams and <c>b:stem_stem</c> bigrams of Snowball stems, a stem inside a negation's
/// scope (up to twelve words to the end of its clause; two negations cancel) read as <c>NOT_stem</c>, numbers as <c>#</c>,
/// and <c>c:concept</c> for each concept of the rule set's topic lexicons (<c>c:NOT_concept</c> when negated).
/// </summary>
internal static class ClaimsModelFeatures
{
    private const int NegationReach = 12;

    internal readonly record struct Feature(string Name, string Surface);

    /// <summary>A sentence read: its span, its features, and whether it is a fragment that only names something (<see cref="MarkNames"/>:
    /// a place, a signature, a line's label and a value of names and numbers), which asserts nothing the model could hold.</summary>
    internal sealed record Sentence(int Start, int End, List<Feature> Features, bool Fragment = false);

    /// <summary>Feature kinds beyond the unigrams (the trainer measures which help): bigrams, concept hits, negation counts.</summary>
    [Flags]
    internal enum Kinds
    {
        Unigrams = 0,
        Bigrams = 1,
        Concepts = 2,
        NegationCount = 4,
        All = Bigrams | Concepts | NegationCount,
        /// <summary>Spanish and Portuguese only: character 4-grams of each word (<c>g:</c>, <c>g:!</c> inside a negation), for inflections, spellings and SMS forms the stems miss.</summary>
        CharGrams = 8,
        /// <summary>The sentence's form: a question (<c>f:question</c>, concepts as <c>cq:</c>), words inside quotation marks (<c>q:stem</c>, concepts as <c>cqt:</c>, <c>f:quote</c>).</summary>
        Forms = 16,
        /// <summary>The concepts of the sentences before and after (<c>pc:</c>, <c>nc:</c>): a warning or a question next to a claim's words.</summary>
        Context = 32,
        /// <summary>
        /// Round 9: pairwise conjunctions of the sentence's concepts (<c>xc:a_b</c>, each concept with its negation mark, pairs in
        /// ordinal order) and of each concept with the sentence's negation count (<c>xn:0_a</c>, <c>xn:1_a</c>, <c>xn:2_a</c>): a
        /// linear model cannot otherwise weigh "outcome with a person" or "an outcome under two negations" above its parts.
        /// </summary>
        Conjunctions = 64,
    }

    public static List<Sentence> Extract(string text, string language, ClaimRuleSet? rules, bool languagePrefixed, Kinds kinds = Kinds.All)
    {
        var result = new List<Sentence>();
        if (text.Length == 0 || !Stemming.Supports(language))
        {
            return result;
        }

        var prepared = PreparedText.From(text);
        var tokens = TokenizedText.Create(prepared.Text, joinShortAnswers: false);
        var n = tokens.Count;
        if (n == 0)
        {
            return result;
        }

        var negations = new byte[n];
        var cues = new bool[n];
        for (var t = 0; t < n; t++)
        {
            if (!IsCue(tokens, t, language))
            {
                continue;
            }

            cues[t] = true;

            for (var p = t + 1; p < n && p - t <= NegationReach; p++)
            {
                if ((tokens.Gap(p - 1) & TokenizedText.ClauseBreak) != 0 || (tokens.Gap(p - 1) & TokenizedText.PhraseJoin) == 0)
                {
                    break;
                }

                negations[p]++;
            }
        }

        var hits = new List<PhraseHit>();
        rules?.ConceptHits(tokens, hits);
        bool[]? quoted = null;
        if ((kinds & Kinds.Forms) != 0)
        {
            var marks = ClaimRuleSet.QuotedTokens(tokens, prepared.Text, out var anyQuote);
            quoted = anyQuote ? marks[..n] : null;
        }

        // The concept names of each sentence (for the context of its neighbours).
        List<(int S, int E, HashSet<string> Concepts)>? spans = null;
        if ((kinds & Kinds.Context) != 0 && rules is not null)
        {
            spans = [];
            for (int s0 = 0, h0 = 0; s0 < n;)
            {
                var e0 = s0;
                while (e0 + 1 < n && (tokens.Gap(e0) & TokenizedText.PhraseJoin) != 0)
                {
                    e0++;
                }

                var names = new HashSet<string>(StringComparer.Ordinal);
                for (; h0 < hits.Count && hits[h0].Start <= e0; h0++)
                {
                    if (hits[h0].Start >= s0 && rules.ConceptName(hits[h0].Owner) is { } cn)
                    {
                        names.Add(((negations[hits[h0].Start] & 1) == 1) != hits[h0].Negative ? "NOT_" + cn : cn);
                    }
                }

                spans.Add((s0, e0, names));
                s0 = e0 + 1;
            }
        }

        string Surface(int from, int to)
        {
            var start = prepared.OriginalStart(tokens.OriginalStart(from));
            var end = prepared.OriginalEnd(tokens.OriginalEnd(to) - 1);
            return text[start..end];
        }

        var stems = new string[n];
        for (var t = 0; t < n; t++)
        {
            var stem = tokens.IsDigits(t) ? "#" : Stemming.Stem(language, tokens.Letters(t));
            stems[t] = (negations[t] & 1) == 1 ? "NOT_" + stem : stem;
        }

        var named = new bool[n];
        Span<char> gramBuffer = stackalloc char[42];
        var h = 0;
        for (var s = 0; s < n;)
        {
            var e = s;
            while (e + 1 < n && (tokens.Gap(e) & TokenizedText.PhraseJoin) != 0)
            {
                e++;
            }

            // A fragment of fewer than four words, numbers not counted ("fda" of a link, a name, "Thanks, Daniel", "Hello
            // again", "the fee is $150", "before 5:30"), is not a statement the model can judge.
            var words = 0;
            for (var t = s; t <= e; t++)
            {
                words += tokens.IsDigits(t) ? 0 : 1;
            }

            if (words < 4)
            {
                for (; h < hits.Count && hits[h].Start <= e; h++)
                {
                }

                s = e + 1;
                continue;
            }

            var fragment = MarkNames(prepared.Text, tokens, s, e, named, quoted);
            var features = new List<Feature>();
            void Add(string name, string surface)
            {
                features.Add(new Feature(name, surface));
                if (languagePrefixed)
                {
                    features.Add(new Feature(language + ":" + name, surface));
                }
            }

            Add("bias", string.Empty);
            var question = false;
            if ((kinds & Kinds.Forms) != 0)
            {
                // A question: a '?' between the sentence's last word and the next word (or the end).
                var after = tokens.OriginalEnd(e);
                var until = e + 1 < n ? tokens.OriginalStart(e + 1) : prepared.Text.Length;
                question = prepared.Text.AsSpan(after, until - after).Contains('?');
                if (question)
                {
                    Add("f:question", string.Empty);
                }
            }

            var anyQuoted = false;
            for (var t = s; t <= e; t++)
            {
                var surface = Surface(t, t);
                Add("u:" + stems[t], surface);
                if ((kinds & Kinds.Bigrams) != 0)
                {
                    Add("b:" + (t == s ? "^" : stems[t - 1]) + "_" + stems[t], t == s ? surface : Surface(t - 1, t));
                }

                if (quoted is not null && quoted[t])
                {
                    anyQuoted = true;
                    Add("q:" + stems[t], surface);
                }

                if ((kinds & Kinds.CharGrams) != 0 && language != "en" && !tokens.IsDigits(t))
                {
                    var letters = tokens.Letters(t);
                    if (letters.Length >= 3)
                    {
                        var negated = (negations[t] & 1) == 1;
                        var padded = gramBuffer[..(Math.Min(letters.Length, 40) + 2)];
                        padded[0] = '^';
                        letters[..(padded.Length - 2)].CopyTo(padded[1..]);
                        padded[^1] = '$';
                        for (var g = 0; g + 4 <= padded.Length; g++)
                        {
                            Add((negated ? "g:!" : "g:") + new string(padded.Slice(g, 4)), surface);
                        }
                    }
                }
            }

            if (anyQuoted)
            {
                Add("f:quote", string.Empty);
            }

            if (spans is not null)
            {
                var index = spans.FindIndex(x => x.S == s);
                if (index > 0)
                {
                    foreach (var c in spans[index - 1].Concepts)
                    {
                        Add("pc:" + c, string.Empty);
                    }
                }

                if (index >= 0 && index + 1 < spans.Count)
                {
                    foreach (var c in spans[index + 1].Concepts)
                    {
                        Add("nc:" + c, string.Empty);
                    }
                }
            }

            if ((kinds & Kinds.NegationCount) != 0)
            {
                // Two negations in one sentence often assert ("nobody leaves without ..."): their count and the first pair.
                int count = 0, first = -1, second = -1;
                for (var t = s; t <= e; t++)
                {
                    if (cues[t])
                    {
                        count++;
                        (first, second) = first < 0 ? (t, -1) : (first, second < 0 ? t : second);
                    }
                }

                if (count > 0)
                {
                    Add(count == 1 ? "n:1" : "n:2+", Surface(first, first));
                }

                if (second >= 0)
                {
                    Add("np:" + Stemming.Stem(language, tokens.Letters(first)) + "_" + Stemming.Stem(language, tokens.Letters(second)), Surface(first, first) + " … " + Surface(second, second));
                }
            }

            List<(string Name, string Surface)>? signed = (kinds & Kinds.Conjunctions) != 0 ? [] : null;
            for (; h < hits.Count && hits[h].Start <= e; h++)
            {
                var hit = hits[h];
                if ((kinds & Kinds.Concepts) == 0 || hit.Start < s || hit.End - 1 > e || rules!.ConceptName(hit.Owner) is not { } name)
                {
                    continue;
                }

                var negated = ((negations[hit.Start] & 1) == 1) != hit.Negative;
                Add("c:" + (negated ? "NOT_" : string.Empty) + name, Surface(hit.Start, hit.End - 1));
                signed?.Add(((negated ? "NOT_" : string.Empty) + name, Surface(hit.Start, hit.End - 1)));
                if (question)
                {
                    Add("cq:" + (negated ? "NOT_" : string.Empty) + name, Surface(hit.Start, hit.End - 1));
                }

                if (quoted is not null && quoted[hit.Start])
                {
                    Add("cqt:" + (negated ? "NOT_" : string.Empty) + name, Surface(hit.Start, hit.End - 1));
                }
            }

            if (signed is { Count: > 0 })
            {
                var cueCount = 0;
                for (var t = s; t <= e; t++)
                {
                    cueCount += cues[t] ? 1 : 0;
                }

                var distinct = signed.DistinctBy(c => c.Name).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
                var bucket = cueCount switch { 0 => "xn:0_", 1 => "xn:1_", _ => "xn:2_" };
                for (var i = 0; i < distinct.Count; i++)
                {
                    Add(bucket + distinct[i].Name, distinct[i].Surface);
                    for (var j = i + 1; j < distinct.Count; j++)
                    {
                        Add("xc:" + distinct[i].Name + "_" + distinct[j].Name, distinct[i].Surface + " … " + distinct[j].Surface);
                    }
                }
            }

            var from = prepared.OriginalStart(tokens.OriginalStart(s));
            var to = prepared.OriginalEnd(tokens.OriginalEnd(e) - 1);
            result.Add(new Sentence(from, to, features, fragment));
            s = e + 1;
        }

        return result;
    }

    /// <summary>The words of a letter's closing, folded, in the three languages.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClosingWords = new[]
    {
        "warmly", "warm", "warmest", "sincerely", "regards", "best", "kind", "kindest", "thanks", "thank", "you", "cheers",
        "respectfully", "yours", "truly", "cordially", "all", "the", "with", "gratitude", "love", "take", "care", "respect",
        "apologies", "appreciation", "wishes", "many", "again",
        "saludos", "saludo", "un", "cordial", "cordiales", "atentamente", "cordialmente", "abrazos", "abrazo", "fuerte",
        "besos", "gracias", "muchas", "afectuosamente", "reciba", "quedo", "atenta", "atento",
        "atenciosamente", "cumprimentos", "com", "os", "melhores", "beijos", "abracos", "abraco", "obrigado", "obrigada",
        "muito", "grato", "grata", "cordiais", "saudacoes", "um",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the sentence <paramref name="s"/>..<paramref name="e"/> only names something, in any language: every word of it is a
    /// number (or a letter run written straight after one: "4B", "9h"); a capitalised word after the first ("Ocean Avenue", "Calle
    /// Mayor", "Rua Augusta") that is neither shouted (all capitals, four letters or more: "CURE GUARANTEED" claims) nor quoted (a
    /// quotation reports words someone wrote: "a seal reading 'FDA Approved Stem Cell Center'"); the first word when it is a line's
    /// label (a colon straight after it: "Place:", "Lugar:", "Local:") or begins a run of names ("Back &amp; Spine Centre"); or a
    /// short lowercase joiner between two capitalised words ("Clínica de la Columna", "Hospital das Clínicas", "Back &amp; Spine").
    /// A place, a signature or a line of names asserts nothing, whatever its words weigh. Linear in the sentence's words.
    /// </summary>
    private static bool MarkNames(string prepared, TokenizedText tokens, int s, int e, bool[] named, bool[]? quoted)
    {
        for (var t = s; t <= e; t++)
        {
            named[t] = tokens.IsDigits(t)
                || (t > s && tokens.IsDigits(t - 1) && NumberSuffix(prepared, tokens, t))
                || (t > s && Capitalised(prepared, tokens, t) && quoted?[t] != true);
        }

        if (Capitalised(prepared, tokens, s) && quoted?[s] != true)
        {
            var after = tokens.OriginalEnd(s);
            var label = after < prepared.Length && prepared[after] == ':';
            named[s] = label || (s < e && named[s + 1] && !tokens.IsDigits(s + 1) && (tokens.Gap(s) & TokenizedText.ClauseBreak) == 0);
        }

        // A closing before a signature ("Warmly,", "Best regards,", "Un cordial saludo,", "Com os melhores cumprimentos,"):
        // its words name nothing but are no statement either; what follows it decides (a name, a title, a clinic's name).
        for (var t = s; t <= e && t - s < 5 && ClosingWords.Contains(tokens.Letters(t)); t++)
        {
            if ((tokens.Gap(t) & TokenizedText.ClauseBreak) != 0 && t < e)
            {
                for (var c = s; c <= t; c++)
                {
                    named[c] = true;
                }

                break;
            }
        }

        for (var t = s + 1; t < e; t++)
        {
            if (!named[t] && tokens.Length(t) <= 3 && named[t - 1] && named[t + 1] && Capitalised(prepared, tokens, t - 1) && Capitalised(prepared, tokens, t + 1))
            {
                named[t] = true;
            }
        }

        for (var t = s; t <= e; t++)
        {
            if (!named[t])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether word token <paramref name="t"/> is written onto the number before it: straight after it ("4B", "9th", "10am")
    /// or, one or two letters, after a point or a dash with no space ("2.º", "3.ª", "12-B").</summary>
    private static bool NumberSuffix(string prepared, TokenizedText tokens, int t)
    {
        var from = tokens.OriginalEnd(t - 1);
        var to = tokens.OriginalStart(t);
        if (from == to)
        {
            return true;
        }

        if (tokens.Length(t) > 2 || to - from > 1)
        {
            return false;
        }

        return prepared[from] is '.' or '-' or '/';
    }

    /// <summary>Whether a word token is written with a capital (and not shouted: all capitals of four letters or more).</summary>
    private static bool Capitalised(string prepared, TokenizedText tokens, int t)
    {
        if (tokens.IsDigits(t))
        {
            return false;
        }

        var from = tokens.OriginalStart(t);
        var to = tokens.OriginalEnd(t);
        if (from >= to || !char.IsUpper(prepared[from]))
        {
            return false;
        }

        int upper = 0, letters = 0;
        for (var i = from; i < to; i++)
        {
            if (char.IsLetter(prepared[i]))
            {
                letters++;
                upper += char.IsUpper(prepared[i]) ? 1 : 0;
            }
        }

        return !(letters >= 4 && upper == letters);
    }

    /// <summary>A negation word (or a negative verb: exclude, rule out, descartar), or the <c>t</c> of <c>n't</c> (tokens "don", "t").</summary>
    private static bool IsCue(TokenizedText tokens, int t, string language)
    {
        var word = tokens.Letters(t);
        if (ClaimsModel.IsNegation(language, word))
        {
            return true;
        }

        // "rule out" is a negative verb: "we cannot rule out side effects" negates twice (side effects are possible).
        if (language == "en" && word is "out" && t > 0 && tokens.Letters(t - 1) is "rule" or "ruled" or "ruling")
        {
            return true;
        }

        return language == "en" && word is "t" && t > 0 && tokens.Letters(t - 1) is [.., 'n'] && (tokens.Gap(t - 1) & TokenizedText.WordJoin) != 0;
    }
}
