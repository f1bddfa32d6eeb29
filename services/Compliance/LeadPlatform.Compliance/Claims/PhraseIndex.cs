using System.Collections.Frozen;

namespace LeadPlatform.Compliance;

/// <summary>A match of one pattern: owner (rule/cue) index and token range [Start, End).</summary>
internal readonly record struct PhraseHit(int Owner, int Start, int End);

/// <summary>
/// A compiled set of phrase patterns over <see cref="TokenizedText"/>. Pattern syntax (space separated):
/// a word; <c>(a|b c|d)</c> alternatives (an alternative may be several words); <c>{m,n}</c> skip m to n words of the
/// same sentence; <c>#num</c> a number (digits, possibly split, or a number word). Words are folded like the text.
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

    public PhraseIndex(IEnumerable<(string Pattern, int Owner)> patterns, IEnumerable<string> numberWords)
    {
        var numbers = numberWords.Select(CharFolding.FoldWord).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        this.numberWords = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var first = new Dictionary<string, List<Pattern>>(StringComparer.Ordinal);
        var numberFirstList = new List<Pattern>();
        var owners = 0;
        foreach (var (text, owner) in patterns)
        {
            owners = Math.Max(owners, owner + 1);
            foreach (var elements in Parse(text))
            {
                var pattern = new Pattern(elements, owner, text);
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
        maxFirstWordLength = first.Count == 0 ? 0 : first.Keys.Max(k => k.Length);
        ownerCount = owners;
    }

    public int OwnerCount => ownerCount;

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

                if (firstWordLookup.TryGetValue(text.Letters(i, j), out var candidates))
                {
                    foreach (var pattern in candidates)
                    {
                        if (i < lastEnd[pattern.Owner])
                        {
                            continue;
                        }

                        var end = pattern.Elements.Length == 1 ? j + 1 : Continue(text, pattern.Elements, 1, j);
                        Record(pattern.Owner, end, bestEnd, touched, ref touchedCount);
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
                    Record(pattern.Owner, end, bestEnd, touched, ref touchedCount);
                }
            }

            for (var t = 0; t < touchedCount; t++)
            {
                var owner = touched[t];
                hits.Add(new PhraseHit(owner, i, bestEnd[owner]));
                lastEnd[owner] = bestEnd[owner];
                bestEnd[owner] = -1;
            }
        }
    }

    private static void Record(int owner, int end, Span<int> bestEnd, Span<int> touched, ref int touchedCount)
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

                    if (element.Lookup.Contains(text.Letters(start, j)))
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

                    if (k > 0 && (text.Gap(next - 1) & TokenizedText.PhraseJoin) == 0)
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

    private static IEnumerable<Element[]> Parse(string pattern)
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
                    .Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CharFolding.FoldWord).Where(w => w.Length > 0).ToArray())
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
                slots.Add(new Element(ElementKind.Gap, null, 0, int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture)));
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
                    slots.Add(new Element(ElementKind.Number, null, 0, 0, 0));
                }
                else
                {
                    var folded = CharFolding.FoldWord(word);
                    if (folded.Length == 0)
                    {
                        throw new FormatException($"Word '{word}' folds to nothing in pattern '{pattern}'.");
                    }

                    slots.Add(new List<string[]> { new[] { folded } });
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
                    next.Add([.. prefix, Element.ForWords(singles)]);
                }

                foreach (var multi in multis)
                {
                    next.Add([.. prefix, .. multi.Select(w => Element.ForWords([w]))]);
                }
            }

            expansions = next;
        }

        return expansions.Select(e => e.ToArray()).ToList();
    }

    private sealed record Pattern(Element[] Elements, int Owner, string Source);

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

        public static Element ForWords(IEnumerable<string> words)
        {
            var set = words.ToFrozenSet(StringComparer.Ordinal);
            return new Element(ElementKind.Words, set, set.Max(w => w.Length), 0, 0);
        }
    }
}
