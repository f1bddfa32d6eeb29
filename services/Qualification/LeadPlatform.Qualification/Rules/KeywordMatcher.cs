using System.Buffers;

namespace LeadPlatform.Qualification.Rules;

/// <summary>
/// Finds whether any keyword starts a word in a text, case-insensitively and culture-invariantly: "pain" matches
/// "Painful" but not "Spain". One vectorised multi-string search per call; no regex, no allocation.
/// </summary>
internal sealed class KeywordMatcher
{
    private readonly SearchValues<string> keywords;

    public KeywordMatcher(IEnumerable<string> keywords) =>
        this.keywords = SearchValues.Create(keywords.Select(k => k.Trim()).ToArray(), StringComparison.OrdinalIgnoreCase);

    public bool StartsAWordIn(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(keywords);
            if (found < 0) return false;
            var at = offset + found;
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1])) return true;
            offset = at + 1;
        }
        return false;
    }
}
