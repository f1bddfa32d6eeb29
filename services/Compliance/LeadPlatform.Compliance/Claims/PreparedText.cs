using System.Net;
using System.Text;

namespace LeadPlatform.Compliance;

/// <summary>
/// A text made ready for the claims screen before tokenising: HTML entities decoded (<c>&amp;#117;</c>,
/// <c>&amp;#x75;</c>, <c>&amp;nbsp;</c>, named ones) and digits or symbols used as letters read as letters
/// (<c>cur3</c>, <c>appr0ved</c>, <c>$afe</c>, <c>he@l</c>) while real numbers, prices and times stay as they are.
/// Every character keeps the span of the original text it came from, so findings point into what the author wrote.
/// </summary>
internal sealed class PreparedText
{
    private readonly int[] start;
    private readonly int[] end;

    private PreparedText(string original, string text, int[] start, int[] end)
    {
        Original = original;
        Text = text;
        this.start = start;
        this.end = end;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>Where the prepared character at <paramref name="index"/> starts in the original.</summary>
    public int OriginalStart(int index) => start[index];

    /// <summary>Where the prepared character at <paramref name="index"/> ends in the original (exclusive).</summary>
    public int OriginalEnd(int index) => end[index];

    public static PreparedText From(string original)
    {
        var hasEntity = original.Contains('&', StringComparison.Ordinal);
        var chars = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            if (hasEntity && original[i] == '&' && TryEntity(original, i, out var decoded, out var length))
            {
                foreach (var c in decoded)
                {
                    chars.Append(c);
                    starts.Add(i);
                    ends.Add(i + length);
                }

                i += length - 1;
                continue;
            }

            chars.Append(original[i]);
            starts.Add(i);
            ends.Add(i + 1);
        }

        var text = chars.ToString().ToCharArray();
        ReadSymbolsAsLetters(text);
        return new PreparedText(original, new string(text), [.. starts], [.. ends]);
    }

    private static bool TryEntity(string s, int at, out string decoded, out int length)
    {
        decoded = string.Empty;
        length = 0;
        var semicolon = s.IndexOf(';', at + 1, Math.Min(12, s.Length - at - 1));
        if (semicolon < 0)
        {
            return false;
        }

        var candidate = s[at..(semicolon + 1)];
        var result = WebUtility.HtmlDecode(candidate);
        if (result == candidate || result.Length == 0)
        {
            return false;
        }

        decoded = result;
        length = candidate.Length;
        return true;
    }

    /// <summary>
    /// A digit or symbol inside a word is a letter in disguise: between two letters (appr0ved, he@l), or ending a
    /// word of two or more letters (cur3). <c>$</c> or <c>@</c> before letters starts a word ($afe, @pproved).
    /// A digit beside other digits or starting a token (10am, 2nd, L5) is left alone.
    /// </summary>
    private static void ReadSymbolsAsLetters(char[] t)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var letter = LetterFor(t[i]);
            if (letter == '\0')
            {
                continue;
            }

            var prev = i > 0 && char.IsLetter(t[i - 1]);
            var prev2 = prev && i > 1 && char.IsLetter(t[i - 2]);
            var next = i + 1 < t.Length && char.IsLetter(t[i + 1]);
            var next2 = next && i + 2 < t.Length && char.IsLetter(t[i + 2]);
            var nextIsDigit = i + 1 < t.Length && char.IsDigit(t[i + 1]);
            var prevIsDigit = i > 0 && char.IsDigit(t[i - 1]);
            var symbol = t[i] is '$' or '@';
            if (prevIsDigit || nextIsDigit)
            {
                continue;
            }

            if ((prev && next) || (prev2 && !next) || (symbol && !prev && next2))
            {
                t[i] = letter;
            }
        }
    }

    private static char LetterFor(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '$' => 's',
        '@' => 'a',
        _ => '\0',
    };
}
