namespace LeadPlatform.Compliance;

/// <summary>
/// A text normalised once: folded tokens (runs of letters, runs of digits, '%' and '&amp;') laid end to end in one
/// buffer, each token mapped back to its span in the original string, and for each gap between tokens what the
/// separator allows: rebuilding a word across it (c.u.r.e, c-u-r-e, c u r e, cu-\nre), joining words of one phrase
/// across it, or nothing because it ends a clause. Reused per thread: no allocation per message once warmed up.
/// </summary>
internal sealed class TokenizedText
{
    /// <summary>A disguised word may be rebuilt across this gap.</summary>
    internal const byte WordJoin = 1;
    /// <summary>Two words of one phrase may sit either side of this gap (same sentence, same paragraph).</summary>
    internal const byte PhraseJoin = 2;
    /// <summary>A negation does not reach across this gap.</summary>
    internal const byte ClauseBreak = 4;

    // A question of at most this many words answered in at most as many is one statement (JoinShortAnswers).
    private const int ShortQuestion = 3;
    private const int ShortAnswer = 3;

    [ThreadStatic]
    private static TokenizedText? cached;

    private char[] letters = new char[256];
    private int[] origStart = new int[64];
    private int[] origEnd = new int[64];
    private int[] letStart = new int[64];
    private int[] letEnd = new int[64];
    private byte[] gapRaw = new byte[64];
    private byte[] gapNewlines = new byte[64];
    private byte[] gaps = new byte[64];
    private bool[] digits = new bool[64];

    public string Source { get; private set; } = string.Empty;

    public int Count { get; private set; }

    /// <summary>Tokenizes <paramref name="text"/> into the calling thread's reusable instance.</summary>
    public static TokenizedText ForThread(string text)
    {
        var t = cached ??= new TokenizedText();
        t.Load(text);
        return t;
    }

    /// <param name="joinShortAnswers">Whether a short question and its short answer are one phrase (the rules read "Side
    /// effects? None." as one statement; the learned layer reads its sentences as written).</param>
    public static TokenizedText Create(string text, bool joinShortAnswers = true)
    {
        var t = new TokenizedText();
        t.Load(text, joinShortAnswers);
        return t;
    }

    public int OriginalStart(int token) => origStart[token];

    public int OriginalEnd(int token) => origEnd[token];

    public int Length(int token) => letEnd[token] - letStart[token];

    public bool IsDigits(int token) => digits[token];

    /// <summary>Flags of the gap after <paramref name="token"/> (between it and the next).</summary>
    public byte Gap(int token) => gaps[token];

    /// <summary>Whether a blank line (a new paragraph) follows the token.</summary>
    public bool ParagraphBreakAfter(int token) => gapNewlines[token] >= 2;

    /// <summary>The folded letters of tokens <paramref name="from"/>..<paramref name="to"/> (inclusive), concatenated.</summary>
    public ReadOnlySpan<char> Letters(int from, int to) => letters.AsSpan(letStart[from], letEnd[to] - letStart[from]);

    public ReadOnlySpan<char> Letters(int token) => Letters(token, token);

    private void Load(string text, bool joinShortAnswers = true)
    {
        Source = text;
        Count = 0;
        var letterCount = 0;
        var inToken = false;
        var tokenIsDigits = false;
        byte sepFlags = 0;
        var newlines = 0;
        var pendingCr = false;

        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            var width = 1;
            byte kind;
            char single = '\0';
            string? multi = null;
            byte flags = 0;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                CharFolding.ClassifySupplementary(text.Substring(i, 2), out kind, out var folded, out flags);
                if (kind is CharFolding.Letter or CharFolding.Digit or CharFolding.Symbol)
                {
                    single = folded![0];
                }
                else if (kind == CharFolding.Multi)
                {
                    multi = folded;
                }
            }
            else
            {
                kind = CharFolding.KindOf(c);
                switch (kind)
                {
                    case CharFolding.Letter or CharFolding.Digit or CharFolding.Symbol:
                        single = CharFolding.FoldOf(c);
                        break;
                    case CharFolding.Multi:
                        multi = CharFolding.MultiFoldOf(c);
                        break;
                    case CharFolding.Separator:
                        flags = CharFolding.SeparatorFlagsOf(c);
                        break;
                }
            }

            switch (kind)
            {
                case CharFolding.Drop:
                    break;
                case CharFolding.Separator:
                    if (inToken)
                    {
                        EndToken();
                        inToken = false;
                    }

                    sepFlags |= flags;
                    if (c == '\r')
                    {
                        if (!pendingCr)
                        {
                            newlines++;
                        }

                        pendingCr = true;
                    }
                    else if ((flags & CharFolding.Newline) != 0)
                    {
                        if (!(c == '\n' && pendingCr))
                        {
                            newlines++;
                        }

                        pendingCr = false;
                    }
                    else
                    {
                        pendingCr = false;
                    }

                    break;
                default:
                    var isDigit = kind == CharFolding.Digit;
                    var isSymbol = kind == CharFolding.Symbol;
                    if (inToken && (isSymbol || isDigit != tokenIsDigits))
                    {
                        EndToken();
                        inToken = false;
                    }

                    if (!inToken)
                    {
                        StartToken(i, letterCount, sepFlags, newlines);
                        sepFlags = 0;
                        newlines = 0;
                        pendingCr = false;
                        inToken = true;
                        tokenIsDigits = isDigit;
                    }

                    if (multi is not null)
                    {
                        EnsureLetters(letterCount + multi.Length);
                        multi.CopyTo(letters.AsSpan(letterCount));
                        letterCount += multi.Length;
                    }
                    else
                    {
                        EnsureLetters(letterCount + 1);
                        letters[letterCount++] = single;
                    }

                    letEnd[Count] = letterCount;
                    origEnd[Count] = i + width;
                    if (isSymbol)
                    {
                        EndToken();
                        inToken = false;
                    }

                    break;
            }

            i += width;
        }

        if (inToken)
        {
            EndToken();
        }

        for (var k = 0; k + 1 < Count; k++)
        {
            gaps[k] = ClassifyGap(k);
        }

        if (joinShortAnswers)
        {
            JoinShortAnswers();
        }

        if (Count > 0)
        {
            gaps[Count - 1] = ClauseBreak;
        }

        void EndToken()
        {
            digits[Count] = tokenIsDigits;
            Count++;
        }
    }

    private void StartToken(int originalIndex, int letterIndex, byte precedingSeparator, int precedingNewlines)
    {
        EnsureTokens(Count + 1);
        if (Count > 0)
        {
            gapRaw[Count - 1] = precedingSeparator;
            gapNewlines[Count - 1] = (byte)Math.Min(precedingNewlines, 255);
        }

        origStart[Count] = originalIndex;
        origEnd[Count] = originalIndex;
        letStart[Count] = letterIndex;
        letEnd[Count] = letterIndex;
    }

    private byte ClassifyGap(int k)
    {
        var raw = gapRaw[k];
        var newlines = gapNewlines[k];
        var leftLength = Length(k);
        var rightLength = Length(k + 1);
        var whitespace = (raw & (CharFolding.Space | CharFolding.Newline)) != 0;
        var paragraph = newlines >= 2;
        // A dot after a single letter is an abbreviation (F.D.A., U.S.), and between digits a decimal point.
        // A dot after a title before a name (Mrs. Alvarez, Dr. Patel, Sra. Rivera, Exmo. Sr.) is an abbreviation too.
        var dotEndsSentence = (raw & CharFolding.Dot) != 0 && leftLength > 1 && !(digits[k] && digits[k + 1] && !whitespace)
            && !(newlines == 0 && IsTitle(Letters(k)) && k + 1 < Count && char.IsUpper(Source[origStart[k + 1]]));
        var sentenceEnd = paragraph || (raw & CharFolding.Terminator) != 0 || dotEndsSentence;
        var single = leftLength == 1 || rightLength == 1;

        byte flags = 0;
        if (!paragraph && (!whitespace || single || (newlines == 1 && (raw & (CharFolding.Terminator | CharFolding.ClausePunct | CharFolding.Dot)) == 0)))
        {
            flags |= WordJoin;
        }

        if (!sentenceEnd)
        {
            flags |= PhraseJoin;
        }

        var spacedHyphen = (raw & CharFolding.Hyphen) != 0 && whitespace && !single;
        if (sentenceEnd || (raw & CharFolding.ClausePunct) != 0 || spacedHyphen)
        {
            flags |= ClauseBreak;
        }

        return flags;
    }

    /// <summary>
    /// A question of a few words answered in a few ("Side effects? None.", "¿Riesgos? Prácticamente ninguno.", "Dor? Acabou.")
    /// is one statement, "side effects: none": the question mark between them joins the phrase (it still breaks the clause).
    /// </summary>
    private void JoinShortAnswers()
    {
        var start = 0;
        for (var k = 0; k + 1 < Count; k++)
        {
            if ((gaps[k] & PhraseJoin) != 0)
            {
                continue;
            }

            var answerEnd = k + 1;
            while (answerEnd + 1 < Count && (gaps[answerEnd] & PhraseJoin) != 0)
            {
                answerEnd++;
            }

            if (k - start < ShortQuestion && answerEnd - k <= ShortAnswer && gapNewlines[k] == 0
                && Source.AsSpan(origEnd[k], origStart[k + 1] - origEnd[k]).IndexOfAny('?', '\uFF1F') >= 0)
            {
                gaps[k] = (byte)(PhraseJoin | ClauseBreak);
            }

            start = k + 1;
        }
    }

    private static bool IsTitle(ReadOnlySpan<char> word)
        => word is "mr" or "mrs" or "ms" or "dr" or "drs" or "prof" or "sr" or "sra" or "srta" or "sres" or "dra" or "dras" or "profa" or "exmo" or "exma" or "st";

    private void EnsureLetters(int needed)
    {
        if (needed > letters.Length)
        {
            Array.Resize(ref letters, Math.Max(needed, letters.Length * 2));
        }
    }

    private void EnsureTokens(int needed)
    {
        if (needed <= origStart.Length)
        {
            return;
        }

        var size = Math.Max(needed, origStart.Length * 2);
        Array.Resize(ref origStart, size);
        Array.Resize(ref origEnd, size);
        Array.Resize(ref letStart, size);
        Array.Resize(ref letEnd, size);
        Array.Resize(ref gapRaw, size);
        Array.Resize(ref gapNewlines, size);
        Array.Resize(ref gaps, size);
        Array.Resize(ref digits, size);
    }
}
