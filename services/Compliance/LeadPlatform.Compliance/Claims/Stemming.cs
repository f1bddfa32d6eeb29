using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace LeadPlatform.Compliance;

/// <summary>
/// Snowball stemmers (Lucene.Net.Analysis.Common) for the claims screen's languages, applied to folded words (lower
/// case, accents removed) on both sides: the rule data and the text, so "cures", "cured" and "curing" meet at one
/// stem, as do "curan", "curará" and "curado". The Snowball programs keep state, so each thread has its own, and a
/// small per-thread cache spares stemming the same word twice.
/// </summary>
internal static class Stemming
{
    [ThreadStatic]
    private static Dictionary<string, (SnowballProgram Program, Dictionary<string, string> Cache)>? perThread;

    /// <summary>True for the languages this screen stems: <c>en</c>, <c>es</c>, <c>pt</c>.</summary>
    public static bool Supports(string language) => language is "en" or "es" or "pt";

    public static string Stem(string language, ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return word.ToString();
        }

        var map = perThread ??= new Dictionary<string, (SnowballProgram, Dictionary<string, string>)>(StringComparer.Ordinal);
        if (!map.TryGetValue(language, out var entry))
        {
            SnowballProgram program = language switch
            {
                "en" => new EnglishStemmer(),
                "es" => new SpanishStemmer(),
                "pt" => new PortugueseStemmer(),
                _ => throw new ArgumentException($"No stemmer for language '{language}'.", nameof(language)),
            };
            map[language] = entry = (program, new Dictionary<string, string>(StringComparer.Ordinal));
        }

        var lookup = entry.Cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var known))
        {
            return known;
        }

        var text = word.ToString();
        entry.Program.SetCurrent(text);
        entry.Program.Stem();
        var stem = entry.Program.Current;
        if (entry.Cache.Count > 20_000)
        {
            entry.Cache.Clear();
        }

        entry.Cache[text] = stem;
        return stem;
    }
}
