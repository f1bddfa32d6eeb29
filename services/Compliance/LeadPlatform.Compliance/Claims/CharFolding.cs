using System.Globalization;
using System.Text;

namespace LeadPlatform.Compliance;

/// <summary>
/// Folds any character to what it looks like in plain lower-case Latin: compatibility decomposition (fullwidth,
/// ligatures, mathematical letters), accents and other combining marks removed, Cyrillic/Greek/small-capital
/// look-alikes mapped to the Latin letter, case folded. Invisible characters (zero-width, soft hyphen, other format
/// characters, control characters) are dropped. Computed once into a table for the whole BMP.
/// </summary>
internal static class CharFolding
{
    internal const byte Drop = 0;
    internal const byte Separator = 1;
    internal const byte Letter = 2;
    internal const byte Digit = 3;
    /// <summary>'%', '&amp;' and '≠': kept as one-character tokens.</summary>
    internal const byte Symbol = 4;
    /// <summary>Folds to several letters (ß → ss, æ → ae, ﬁ → fi).</summary>
    internal const byte Multi = 5;

    // Separator features.
    internal const byte Space = 1;
    internal const byte Newline = 2;
    internal const byte Terminator = 4;   // ! ? ;
    internal const byte ClausePunct = 8;  // , : ( ) [ ] quotes dashes bullets
    internal const byte Hyphen = 16;
    internal const byte Dot = 32;

    private static readonly byte[] Kinds = new byte[65536];
    private static readonly char[] Folded = new char[65536];
    private static readonly byte[] SeparatorFlags = new byte[65536];
    private static readonly Dictionary<char, string> MultiFolds = [];

    /// <summary>Look-alikes, checked case-sensitively before case folding (capital eta looks like H, small eta like n).</summary>
    private static readonly Dictionary<char, string> Homoglyphs = new()
    {
        // Cyrillic capitals and smalls
        ['А'] = "a", ['В'] = "b", ['Е'] = "e", ['К'] = "k", ['М'] = "m", ['Н'] = "h", ['О'] = "o", ['Р'] = "p",
        ['С'] = "c", ['Т'] = "t", ['У'] = "y", ['Х'] = "x", ['Ѕ'] = "s", ['І'] = "i", ['Ј'] = "j", ['Ү'] = "y",
        ['Һ'] = "h", ['Ӏ'] = "l", ['Ԛ'] = "q", ['Ԝ'] = "w", ['Ь'] = "b", ['З'] = "3",
        ['а'] = "a", ['в'] = "b", ['е'] = "e", ['к'] = "k", ['м'] = "m", ['н'] = "h", ['о'] = "o", ['р'] = "p",
        ['с'] = "c", ['т'] = "t", ['у'] = "y", ['х'] = "x", ['ѕ'] = "s", ['і'] = "i", ['ј'] = "j", ['ү'] = "y",
        ['һ'] = "h", ['ӏ'] = "l", ['ԁ'] = "d", ['ԛ'] = "q", ['ԝ'] = "w", ['ь'] = "b", ['г'] = "r", ['п'] = "n",
        ['и'] = "u", ['ѡ'] = "w",
        // Greek capitals and smalls
        ['Α'] = "a", ['Β'] = "b", ['Ε'] = "e", ['Ζ'] = "z", ['Η'] = "h", ['Ι'] = "i", ['Κ'] = "k", ['Μ'] = "m",
        ['Ν'] = "n", ['Ο'] = "o", ['Ρ'] = "p", ['Τ'] = "t", ['Υ'] = "y", ['Χ'] = "x", ['Ϲ'] = "c",
        ['α'] = "a", ['β'] = "b", ['γ'] = "y", ['ε'] = "e", ['η'] = "n", ['ι'] = "i", ['κ'] = "k", ['μ'] = "u",
        ['ν'] = "v", ['ο'] = "o", ['ρ'] = "p", ['τ'] = "t", ['υ'] = "u", ['χ'] = "x", ['ω'] = "w", ['ϲ'] = "c",
        ['ϳ'] = "j", ['ς'] = "c",
        // Latin small capitals and other look-alikes
        ['ᴀ'] = "a", ['ʙ'] = "b", ['ᴄ'] = "c", ['ᴅ'] = "d", ['ᴇ'] = "e", ['ꜰ'] = "f", ['ɢ'] = "g", ['ʜ'] = "h",
        ['ɪ'] = "i", ['ᴊ'] = "j", ['ᴋ'] = "k", ['ʟ'] = "l", ['ᴍ'] = "m", ['ɴ'] = "n", ['ᴏ'] = "o", ['ᴘ'] = "p",
        ['ʀ'] = "r", ['ꜱ'] = "s", ['ᴛ'] = "t", ['ᴜ'] = "u", ['ᴠ'] = "v", ['ᴡ'] = "w", ['ʏ'] = "y", ['ᴢ'] = "z",
        ['ı'] = "i", ['ȷ'] = "j", ['ɡ'] = "g", ['ɑ'] = "a", ['ɩ'] = "i", ['ø'] = "o", ['Ø'] = "o", ['ł'] = "l",
        ['Ł'] = "l", ['đ'] = "d", ['Đ'] = "d", ['ħ'] = "h", ['ß'] = "ss", ['ẞ'] = "ss", ['æ'] = "ae", ['Æ'] = "ae",
        ['œ'] = "oe", ['Œ'] = "oe", ['ŀ'] = "l",
        // Armenian
        ['օ'] = "o", ['ս'] = "u", ['հ'] = "h", ['ո'] = "n",
    };

    static CharFolding()
    {
        for (var i = 0; i < 65536; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                Kinds[i] = Separator;
                continue;
            }

            Classify(c.ToString(), out var kind, out var folded, out var flags);
            Kinds[i] = kind;
            SeparatorFlags[i] = flags;
            if (kind is Letter or Digit or Symbol)
            {
                Folded[i] = folded![0];
            }
            else if (kind == Multi)
            {
                MultiFolds[c] = folded!;
            }
        }
    }

    internal static byte KindOf(char c) => Kinds[c];

    internal static char FoldOf(char c) => Folded[c];

    internal static string MultiFoldOf(char c) => MultiFolds[c];

    internal static byte SeparatorFlagsOf(char c) => SeparatorFlags[c];

    /// <summary>For characters outside the BMP (mathematical alphanumerics, emoji): computed on demand.</summary>
    internal static void ClassifySupplementary(string pair, out byte kind, out string? folded, out byte flags)
        => Classify(pair, out kind, out folded, out flags);

    /// <summary>Folds a whole string with the same rules (for rule data), keeping only letters, digits and symbols.</summary>
    internal static string FoldWord(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (Kinds[c])
            {
                case Letter or Digit or Symbol:
                    sb.Append(Folded[c]);
                    break;
                case Multi:
                    sb.Append(MultiFolds[c]);
                    break;
            }
        }

        return sb.ToString();
    }

    private static void Classify(string text, out byte kind, out string? folded, out byte flags)
    {
        folded = null;
        flags = 0;
        var first = text[0];
        // '≠' says "is not": a token of its own, read by the negation grammar ("FDA-registered ≠ FDA-approved"); its
        // decomposition ('=' and a combining stroke) would otherwise fold it to an equals sign, which says the opposite.
        if (first == '\u2260' && text.Length == 1)
        {
            kind = Symbol;
            folded = "\u2260";
            return;
        }

        // Negative circled and negative squared capitals ("🅲🆄🆁🅰", "🅒🅤🅡🅐") have no decomposition: each is its letter.
        if (text.Length == 2 && char.IsSurrogatePair(text[0], text[1])
            && char.ConvertToUtf32(text[0], text[1]) is var code and (>= 0x1F150 and <= 0x1F169 or >= 0x1F170 and <= 0x1F189))
        {
            kind = Letter;
            folded = ((char)('a' + ((code - 0x1F150) % 0x20))).ToString();
            return;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(text, 0);
        if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.SpacingCombiningMark
            || (category == UnicodeCategory.Control && !char.IsWhiteSpace(first)))
        {
            kind = Drop;
            return;
        }

        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = text;
        }

        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            var dc = CharUnicodeInfo.GetUnicodeCategory(d);
            if (dc is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (Homoglyphs.TryGetValue(d, out var look))
            {
                sb.Append(look);
            }
            else
            {
                sb.Append(char.ToLowerInvariant(d));
            }
        }

        var result = sb.ToString();
        if (result.Length == 0)
        {
            kind = Drop;
            return;
        }

        if (result is "%" or "&")
        {
            kind = Symbol;
            folded = result;
            return;
        }

        var allLetters = true;
        var allDigits = true;
        foreach (var r in result)
        {
            allLetters &= char.IsLetter(r);
            allDigits &= r is >= '0' and <= '9';
        }

        if (allDigits)
        {
            kind = result.Length == 1 ? Digit : Separator; // "½" and similar: not a number we can read
            folded = result;
            if (kind == Separator)
            {
                folded = null;
            }

            return;
        }

        if (allLetters)
        {
            kind = result.Length == 1 ? Letter : Multi;
            folded = result;
            return;
        }

        kind = Separator;
        if (char.IsWhiteSpace(first))
        {
            flags |= Space;
        }

        foreach (var r in result.Length > 0 ? result : text)
        {
            flags |= r switch
            {
                '\n' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f' or '\r' => Newline,
                '.' or '\u3002' => Dot,
                '!' or '?' or ';' or '\u00A1' or '\u00BF' => Terminator,
                ',' or ':' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB'
                    or '\u2013' or '\u2014' or '\u2015' or '\u2022' or '\u00B7' or '|' or '\u3001' => ClausePunct,
                '-' or '\u2010' or '\u2011' or '\u2012' or '\u2212' or '\uFE63' => Hyphen,
                _ => 0,
            };
            if (char.IsWhiteSpace(r))
            {
                flags |= Space;
            }
        }

        if ((flags & Newline) != 0)
        {
            flags = (byte)(flags & ~Space | Newline);
        }
    }
}
