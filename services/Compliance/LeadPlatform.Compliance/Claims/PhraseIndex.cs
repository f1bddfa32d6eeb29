using System.Collections.Frozen;

namespace LeadPlatform.Compliance;

/// <summary>A match of one pattern: owner (rule/cue) index and token range [Start, End).</summary>
/// <param name="Negative">The pattern that matched states an outcome negatively ("!failed to heal"): it is a claim
/// when an odd number of negations cover it ("no patient has ever failed to heal").</param>
/// <param name="JudgedAtEnd">Whether the claim is asserted is judged at its last word, the predicate ("we cannot
/// promise a cure": the subject "we" is not negated, the predicate is).</param>
internal readonly record struct PhraseHit(int Owner, int Start, int End, bool Negative = false, bool JudgedAtEnd = false);

/// <summary>
/// A compiled set of phrase patterns over <see cref="TokenizedText"/>. Pattern syntax (space separated):
/// a word; <c>(a|b c|d)</c> alternatives (an alternative may be several words); <c>{m,n}</c> skip m to n words of the
/// same sentence (<c>{m,n,}</c>: of the same clause, not past a comma or other clause break); <c>#num</c> a number (digits, possibly split, or a number word); a leading <c>!</c> marks a pattern
/// that states an outcome negatively, a leading <c>&gt;</c> one whose negation is judged at its last word (a subject
/// then its predicate). Words are folded like the text and, when the index has a language, stemmed
/// (Snowball) on both sides.
/// Matching is linear in practice: patterns are indexed by their first word, elements are few and bounded,
/// there is no regular expression and nothing to backtrack beyond a pattern's own few elements.
/// </summary>
internal sealed class PhraseIndex
{
    private readonly FrozenDictionary<string, Pattern[]> byFirstWord;
    private readonly FrozenDictionary<string, Pattern[]>.AlternateLookup<ReadOnlySpan<char>> firstWordLookup;
    private readonly Pattern[] numberFirst;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> numberWords;
    private readonly int maxFirstWordLength;
    private readonly int ownerCount;
    private readonly string? language;

    [ThreadStatic]
    private static string[]? stemsCache;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> exact;

    /// <param name="exactWords">Words never stemmed, on either side (function words of the negation grammar: "sino" is not "sin").</param>
    public PhraseIndex(IEnumerable<(string Pattern, int Owner)> patterns, IEnumerable<string> numberWords, string? stemLanguage = null, IEnumerable<string>? exactWords = null)
    {
        language = stemLanguage;
        var exactSet = (exactWords ?? []).Select(CharFolding.FoldWord).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        exact = exactSet.GetAlternateLookup<ReadOnlySpan<char>>();
        var numbers = numberWords.Select(CharFolding.FoldWord).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        this.numberWords = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var first = new Dictionary<string, List<Pattern>>(StringComparer.Ordinal);
        var elementCache = new ElementCache(stemLanguage is not null);
        var numberFirstList = new List<Pattern>();
        var owners = 0;
        foreach (var (text, owner) in patterns)
        {
            owners = Math.Max(owners, owner + 1);
            var body = text.TrimStart();
            var negative = false;
            var atEnd = false;
            while (body.Length > 0 && body[0] is '!' or '>')
            {
                negative |= body[0] == '!';
                atEnd |= body[0] == '>';
                body = body[1..];
            }

            foreach (var elements in Parse(body, stemLanguage, exactSet, elementCache))
            {
                var pattern = new Pattern(elements, owner, text, negative, atEnd);
                var head = elements[0];
                if (head.Kind == ElementKind.Number)
                {
                    numberFirstList.Add(pattern);
                    continue;
                }

                foreach (var word in head.Words!)
                {
                    if (!first.TryGetValue(word, out var list))
                    {
                        first[word] = list = [];
                    }

                    list.Add(pattern);
                }
            }
        }

        byFirstWord = first.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        firstWordLookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        numberFirst = [.. numberFirstList];
        maxFirstWordLength = first.Count == 0 ? 0 : stemLanguage is null ? first.Keys.Max(k => k.Length) : MaxStemmedWordLength;
        ownerCount = owners;
    }

    /// <summary>With stems, a word in the text is longer than its stem: letters joined into one word stop here.</summary>
    private const int MaxStemmedWordLength = 40;

    public int OwnerCount => ownerCount;

    /// <summary>The key a word of the text is looked up by: its folded letters, or their stem.</summary>
    private ReadOnlySpan<char> Key(TokenizedText text, int from, int to)
    {
        if (language is null)
        {
            return text.Letters(from, to);
        }

        if (from == to)
        {
            return stemsCache![from];
        }

        var letters = text.Letters(from, to);
        return exact.Contains(letters) ? letters : Stemming.Stem(language, letters);
    }

    /// <summary>
    /// Finds, for each owner, non-overlapping matches left to right, the longest at each start.
    /// </summary>
    public void Scan(TokenizedText text, List<PhraseHit> hits)
    {
        Span<int> lastEnd = ownerCount <= 128 ? stackalloc int[ownerCount] : new int[ownerCount];
        Span<int> bestEnd = ownerCount <= 128 ? stackalloc int[ownerCount] : new int[ownerCount];
        lastEnd.Clear();
        bestEnd.Fill(-1);
        Span<int> touched = ownerCount <= 128 ? stackalloc int[ownerCount] : new int[ownerCount];
        Span<byte> bestNegative = ownerCount <= 128 ? stackalloc byte[ownerCount] : new byte[ownerCount];
        if (language is not null)
        {
            var stems = stemsCache;
            if (stems is null || stems.Length < text.Count)
            {
                stemsCache = stems = new string[Math.Max(text.Count, 256)];
            }

            for (var t = 0; t < text.Count; t++)
            {
                var letters = text.Letters(t);
                stems[t] = exact.TryGetValue(letters, out var word) ? word : Stemming.Stem(language, letters);
            }
        }

        for (var i = 0; i < text.Count; i++)
        {
            var touchedCount = 0;

            // Every word that can start here: this token, or it joined with the next ones (a disguised word).
            var length = 0;
            for (var j = i; j < text.Count; j++)
            {
                length += text.Length(j);
                if (length > maxFirstWordLength)
                {
                    break;
                }

                if (firstWordLookup.TryGetValue(Key(text, i, j), out var candidates))
                {
                    foreach (var pattern in candidates)
                    {
                        if (i < lastEnd[pattern.Owner])
                        {
                            continue;
                        }

                        var end = pattern.Elements.Length == 1 ? j + 1 : Continue(text, pattern.Elements, 1, j);
                        Record(pattern.Owner, end, Flags(pattern), bestEnd, bestNegative, touched, ref touchedCount);
                    }
                }

                if ((text.Gap(j) & TokenizedText.WordJoin) == 0)
                {
                    break;
                }
            }

            if (numberFirst.Length > 0 && IsNumberStart(text, i))
            {
                foreach (var pattern in numberFirst)
                {
                    if (i < lastEnd[pattern.Owner])
                    {
                        continue;
                    }

                    var end = MatchFrom(text, pattern.Elements, 0, i);
                    Record(pattern.Owner, end, Flags(pattern), bestEnd, bestNegative, touched, ref touchedCount);
                }
            }

            for (var t = 0; t < touchedCount; t++)
            {
                var owner = touched[t];
                hits.Add(new PhraseHit(owner, i, bestEnd[owner], (bestNegative[owner] & 1) != 0, (bestNegative[owner] & 2) != 0));
                lastEnd[owner] = bestEnd[owner];
                bestEnd[owner] = -1;
            }
        }
    }

    private static byte Flags(Pattern pattern) => (byte)((pattern.Negative ? 1 : 0) | (pattern.JudgedAtEnd ? 2 : 0));

    private static void Record(int owner, int end, byte negative, Span<int> bestEnd, Span<byte> bestNegative, Span<int> touched, ref int touchedCount)
    {
        if (end < 0)
        {
            return;
        }

        if (bestEnd[owner] < 0)
        {
            touched[touchedCount++] = owner;
        }

        if (end > bestEnd[owner])
        {
            bestEnd[owner] = end;
            bestNegative[owner] = negative;
        }
    }

    private bool IsNumberStart(TokenizedText text, int i)
        => text.IsDigits(i) || numberWords.Contains(text.Letters(i));

    /// <summary>After an element ended at token <paramref name="last"/> (inclusive), match the rest; longest end or -1.</summary>
    private int Continue(TokenizedText text, Element[] elements, int index, int last)
    {
        if (index == elements.Length)
        {
            return last + 1;
        }

        if (last + 1 >= text.Count || (text.Gap(last) & TokenizedText.PhraseJoin) == 0)
        {
            return -1;
        }

        return MatchFrom(text, elements, index, last + 1);
    }

    private int MatchFrom(TokenizedText text, Element[] elements, int index, int start)
    {
        var element = elements[index];
        var best = -1;
        switch (element.Kind)
        {
            case ElementKind.Words:
                var length = 0;
                for (var j = start; j < text.Count; j++)
                {
                    length += text.Length(j);
                    if (length > element.MaxLength)
                    {
                        break;
                    }

                    if (element.Lookup.Contains(Key(text, start, j)))
                    {
                        best = Math.Max(best, Continue(text, elements, index + 1, j));
                    }

                    if ((text.Gap(j) & TokenizedText.WordJoin) == 0)
                    {
                        break;
                    }
                }

                break;

            case ElementKind.Number:
                if (numberWords.Contains(text.Letters(start)))
                {
                    best = Continue(text, elements, index + 1, start);
                }
                else if (text.IsDigits(start))
                {
                    for (var j = start; j < text.Count && text.IsDigits(j); j++)
                    {
                        best = Math.Max(best, Continue(text, elements, index + 1, j));
                        if ((text.Gap(j) & TokenizedText.WordJoin) == 0)
                        {
                            break;
                        }
                    }
                }

                break;

            case ElementKind.Gap:
                // Skip k words (all in the same sentence), then the next element.
                for (var k = 0; k <= element.Max; k++)
                {
                    var next = start + k;
                    if (next >= text.Count)
                    {
                        break;
                    }

                    if (k > 0 && ((text.Gap(next - 1) & TokenizedText.PhraseJoin) == 0 || (element.InClause && (text.Gap(next - 1) & TokenizedText.ClauseBreak) != 0)))
                    {
                        break;
                    }

                    if (k >= element.Min)
                    {
                        best = Math.Max(best, MatchFrom(text, elements, index + 1, next));
                    }
                }

                break;
        }

        return best;
    }

    private static IEnumerable<Element[]> Parse(string pattern, string? stemLanguage, FrozenSet<string> exactWords, ElementCache cache)
    {
        // Slots: each is a list of alternatives (word sequences), a gap, or a number.
        var slots = new List<object>();
        var p = pattern.Trim();
        var i = 0;
        while (i < p.Length)
        {
            if (p[i] == ' ')
            {
                i++;
                continue;
            }

            if (p[i] == '(')
            {
                var close = p.IndexOf(')', i);
                if (close < 0)
                {
                    throw new FormatException($"Unclosed '(' in pattern '{pattern}'.");
                }

                var alternatives = p[(i + 1)..close].Split('|')
                    .Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CharFolding.FoldWord).Where(w => w.Length > 0).Select(w => StemOf(w, stemLanguage, exactWords)).ToArray())
                    .ToList();
                if (alternatives.Any(a => a.Length == 0))
                {
                    throw new FormatException($"Empty alternative in pattern '{pattern}'.");
                }

                slots.Add(alternatives);
                i = close + 1;
            }
            else if (p[i] == '{')
            {
                var close = p.IndexOf('}', i);
                var range = p[(i + 1)..close].Split(',');
                slots.Add(cache.Gap(int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture), inClause: range.Length > 2));
                i = close + 1;
            }
            else
            {
                var end = p.IndexOf(' ', i);
                if (end < 0)
                {
                    end = p.Length;
                }

                var word = p[i..end];
                if (word == "#num")
                {
                    slots.Add(cache.Number);
                }
                else
                {
                    var folded = CharFolding.FoldWord(word);
                    if (folded.Length == 0)
                    {
                        throw new FormatException($"Word '{word}' folds to nothing in pattern '{pattern}'.");
                    }

                    slots.Add(new List<string[]> { new[] { StemOf(folded, stemLanguage, exactWords) } });
                }

                i = end;
            }
        }

        if (slots.Count == 0 || slots[0] is Element { Kind: ElementKind.Gap } || slots[^1] is Element { Kind: ElementKind.Gap })
        {
            throw new FormatException($"Pattern '{pattern}' is empty or starts/ends with a gap.");
        }

        // Expand multi-word alternatives into separate patterns; group one-word alternatives into a set.
        IEnumerable<List<Element>> expansions = [[]];
        foreach (var slot in slots)
        {
            if (slot is Element element)
            {
                expansions = expansions.Select(e => new List<Element>(e) { element }).ToList();
                continue;
            }

            var alternatives = (List<string[]>)slot;
            var singles = alternatives.Where(a => a.Length == 1).Select(a => a[0]).ToArray();
            var multis = alternatives.Where(a => a.Length > 1).ToArray();
            var next = new List<List<Element>>();
            foreach (var prefix in expansions)
            {
                if (singles.Length > 0)
                {
                    next.Add([.. prefix, cache.Words(singles)]);
                }

                foreach (var multi in multis)
                {
                    next.Add([.. prefix, .. multi.Select(w => cache.Words([w]))]);
                }
            }

            expansions = next;
        }

        return expansions.Select(e => e.ToArray()).ToList();
    }

    private static string StemOf(string folded, string? stemLanguage, FrozenSet<string> exactWords)
        => stemLanguage is null || exactWords.Contains(folded) ? folded : Stemming.Stem(stemLanguage, folded);

    private sealed record Pattern(Element[] Elements, int Owner, string Source, bool Negative, bool JudgedAtEnd);

    private enum ElementKind
    {
        Words,
        Number,
        Gap,
    }

    private sealed class Element
    {
        public Element(ElementKind kind, FrozenSet<string>? words, int maxLength, int min, int max)
        {
            Kind = kind;
            Words = words;
            MaxLength = maxLength;
            Min = min;
            Max = max;
            if (words is not null)
            {
                Lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        public ElementKind Kind { get; }
        public FrozenSet<string>? Words { get; }
        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }
        public int MaxLength { get; }
        public int Min { get; }
        public int Max { get; }

        /// <summary>A gap that does not cross a clause break (<c>{m,n,}</c>).</summary>
        public bool InClause { get; init; }
    }

    /// <summary>
    /// One element per distinct content while an index is built: the same alternatives recur in many patterns (a
    /// subject, a verb's forms) and again in every expansion of a pattern's multi-word alternatives. Elements are
    /// immutable, so patterns share them; tens of thousands of patterns otherwise held a set each (the largest part
    /// of follow-up's live heap).
    /// </summary>
    private sealed class ElementCache(bool stemmed)
    {
        private readonly Dictionary<string, Element> words = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Min, int Max, bool InClause), Element> gaps = [];

        public Element Number { get; } = new(ElementKind.Number, null, 0, 0, 0);

        public Element Gap(int min, int max, bool inClause)
        {
            if (!gaps.TryGetValue((min, max, inClause), out var element))
            {
                gaps[(min, max, inClause)] = element = new Element(ElementKind.Gap, null, 0, min, max) { InClause = inClause };
            }

            return element;
        }

        public Element Words(IReadOnlyCollection<string> alternatives)
        {
            var key = string.Join('\u0001', alternatives.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            if (!words.TryGetValue(key, out var element))
            {
                var set = alternatives.ToFrozenSet(StringComparer.Ordinal);
                words[key] = element = new Element(ElementKind.Words, set, stemmed ? MaxStemmedWordLength : set.Max(w => w.Length), 0, 0);
            }

            return element;
        }
    }
}
