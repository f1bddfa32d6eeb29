namespace LeadPlatform.Compliance;

/// <summary>
/// Round 5: words that are <em>mentioned</em>, not asserted. Two principles, written as code rather than phrases:
/// <list type="bullet">
/// <item><b>Quotation inside a frame.</b> Words inside quotation marks (“…”, "…", «…», ‘…’, '…') are someone else's
/// words. When the sentence around the quotation, outside it, carries a negation, a distancing cue or an honest frame
/// ("Words such as 'miracle' are a red flag", "reviews that say 'it fixed my back' are not something we stand behind",
/// "Palabras como «cura» son una señal de alarma"), the quoted words are distanced. A quoted testimonial with nothing
/// around it ("'My pain is gone,' says Ana") stays asserted.</item>
/// <item><b>A question answered with a denial.</b> A question followed by a sentence that opens (in its first words)
/// with a negation or an honest frame ("Will this cure me? Nobody can promise that", "¿Es seguro? Ningún procedimiento
/// está libre de riesgos", "Isto vai me curar? Ninguém pode prometer") is the patient's question, not the clinic's
/// claim: the question is distanced. The answer is read as always.</item>
/// </list>
/// Both only mark tokens as distanced, which the phrase rules and the topics already respect.
/// </summary>
public sealed partial class ClaimRuleSet
{
    private const int AnswerOpening = 5;
    private const int LongestQuote = 240;
    private const int ShortestAnswer = 3;

    [ThreadStatic]
    private static bool[]? quotedCache;

    private void MarkMentions(TokenizedText tokens, List<PhraseHit> hits, List<PhraseHit> topicHits, bool[] distanced, List<PhraseHit> reports)
    {
        var source = tokens.Source;
        var quoted = QuotedTokens(tokens, source, out var anyQuote);
        if (reports.Exists(h => h.Owner == CorrectionOwner))
        {
            // Round 17: a text that corrects itself ("Correction: my last text said 'zero risk'. I was wrong", "Preciso corrigir
            // o que disse: '9 em cada 10'") quotes the words it takes back: every quotation in it is distanced, and so is what
            // follows the sender's own report of their earlier words to the end of its sentence ("I said that 9 out of 10 of
            // our athletes got back to their sport", "te dije que ...").
            for (var p = 0; p < tokens.Count; p++)
            {
                distanced[p] |= quoted[p];
            }

            foreach (var report in reports)
            {
                if (report.Owner is not (CorrectionOwner or SelfReportOwner))
                {
                    continue;
                }

                if (report.Owner == CorrectionOwner)
                {
                    // The correction's own words are a speech act, not an outcome ("preciso corrigir", "to correct").
                    Array.Fill(distanced, true, report.Start, report.End - report.Start);
                    continue;
                }

                for (var p = report.End; p < tokens.Count; p++)
                {
                    distanced[p] = true;
                    if (EndsSentence(tokens, p))
                    {
                        break;
                    }
                }
            }
        }
        else if (anyQuote)
        {
            for (var t = 0; t < tokens.Count;)
            {
                if (!quoted[t])
                {
                    t++;
                    continue;
                }

                var qs = t;
                while (t < tokens.Count && quoted[t])
                {
                    t++;
                }

                var qe = t - 1;
                var left = qs;
                while (left > 0 && !EndsSentence(tokens, left - 1))
                {
                    left--;
                }

                var right = qe;
                while (right + 1 < tokens.Count && !EndsSentence(tokens, right))
                {
                    right++;
                }

                if (FrameOutsideQuotes(hits, topicHits, quoted, left, right) || NextSentenceJudgesIt(tokens, hits, topicHits, quoted, right + 1))
                {
                    for (var p = qs; p <= qe; p++)
                    {
                        distanced[p] = true;
                    }
                }
            }
        }

        if (!source.Contains('?', StringComparison.Ordinal))
        {
            return;
        }

        for (var s = 0; s < tokens.Count;)
        {
            // A question ends at its mark even where a short answer joins it into one phrase ("¿Esto cura? No lo sabemos.").
            var e = s;
            while (e + 1 < tokens.Count && !EndsSentence(tokens, e) && !EndsWithQuestionMark(tokens, source, e))
            {
                e++;
            }

            if (e + 1 < tokens.Count && EndsWithQuestionMark(tokens, source, e) && AnswerOpensWithDenial(tokens, hits, topicHits, e + 1, s))
            {
                for (var p = s; p <= e; p++)
                {
                    distanced[p] = true;
                }
            }

            s = e + 1;
        }
    }

    private static bool EndsWithQuestionMark(TokenizedText tokens, string source, int e)
    {
        var from = tokens.OriginalEnd(e);
        var to = e + 1 < tokens.Count ? tokens.OriginalStart(e + 1) : source.Length;
        return from < to && source.AsSpan(from, to - from).IndexOfAny('?', '\uFF1F') >= 0;
    }

    /// <param name="question">Where the question answered starts, when the answer follows a question (not a quotation).</param>
    private bool AnswerOpensWithDenial(TokenizedText tokens, List<PhraseHit> hits, List<PhraseHit> topicHits, int answer, int question = -1)
    {
        var end = answer;
        while (end + 1 < tokens.Count && !EndsSentence(tokens, end))
        {
            end++;
        }

        // Round 17: a transcript's speaker label is not the answer's opening ("DR. WHITCOMBE: No one has shown...", "A: No.").
        answer = AfterSpeakerLabel(tokens, answer, end);

        foreach (var h in hits)
        {
            if (h.Owner >= cueBase && h.Owner != notNegationOwner && h.Start >= answer && h.Start < answer + AnswerOpening
                && !StartsNotNegation(hits, h.Start) && !cues[h.Owner - cueBase].Fronted)
            {
                // "Risks? Practically none." A bare negative quantifier answering the clinic's own question is the claim
                // itself ("no risks"), not a denial of the patient's question.
                // But a bare "No." answering a question that asks about a claim wholly its own denies it: "Is it a cure? No."
                // "Is it completely safe? No procedure is." (an answer that ends on the question's own verb) denies it as well.
                if (end - answer < ShortestAnswer && cues[h.Owner - cueBase].Auxiliaries.Count > 0
                    && !((end == answer || auxiliaryLookups[h.Owner - cueBase].Contains(tokens.Letters(end))) && AsksAboutItsOwnClaim(hits, question, answer - 1)))
                {
                    return false;
                }

                return true;
            }
        }

        foreach (var h in topicHits)
        {
            if (h.Owner == honestOwner && h.Start >= answer && h.Start < answer + AnswerOpening)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first token after a speaker label that opens the sentence at <paramref name="start"/>: capitals (a name, a role, "A",
    /// "DRA. PALOMA ITURBE", "INVITADO (kinesiólogo)") up to a colon, on one line, within a few words. Otherwise
    /// <paramref name="start"/>.
    /// </summary>
    private static int AfterSpeakerLabel(TokenizedText tokens, int start, int end)
    {
        const int LongestLabel = 60;
        var source = tokens.Source;
        var from = tokens.OriginalStart(start);
        var depth = 0;
        var letters = 0;
        for (var i = from; i < source.Length && i - from < LongestLabel; i++)
        {
            var c = source[i];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c is '\n' or '\r')
            {
                return start;
            }
            else if (c == ':' && depth == 0)
            {
                if (letters == 0)
                {
                    return start;
                }

                var next = start;
                while (next <= end && tokens.OriginalStart(next) < i)
                {
                    next++;
                }

                return next <= end ? next : start;
            }
            else if (depth == 0 && char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return start;
                }

                letters++;
            }
        }

        return start;
    }

    /// <summary>
    /// Whether the question from <paramref name="start"/> to <paramref name="end"/> holds a positive claim and no claim that
    /// runs on into the answer ("Any side effects? None." is the clinic's own claim, said in two sentences).
    /// </summary>
    private bool AsksAboutItsOwnClaim(List<PhraseHit> hits, int start, int end)
    {
        if (start < 0)
        {
            return false;
        }

        var any = false;
        foreach (var h in hits)
        {
            if (h.Owner >= cueBase || h.End <= start || h.Start > end)
            {
                continue;
            }

            if (h.End - 1 > end || h.Negative)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>
    /// The sentence after a quotation judges it: it carries a negation, a distancing cue or an honest frame outside quotation
    /// marks ("That video says 'no risk, guaranteed healing.' Every one of those claims is a warning sign", "Esas tres frases son
    /// señales de alarma", "nadie puede garantizar eso", "Ningún procedimiento lo es"), or opens with a denial as an answer does:
    /// the quotation was quoted to be judged. (Until round 13 the sentence also had to point back with "that" / "eso" / "isso".)
    /// </summary>
    private bool NextSentenceJudgesIt(TokenizedText tokens, List<PhraseHit> hits, List<PhraseHit> topicHits, bool[] quoted, int next)
    {
        if (next >= tokens.Count)
        {
            return false;
        }

        var end = next;
        while (end + 1 < tokens.Count && !EndsSentence(tokens, end))
        {
            end++;
        }

        // "Esa clínica le dijo que era «100 % seguro». Ningún procedimiento lo es"; "Si le dicen 'está aprobado', pida el
        // documento. No lo van a tener".
        return FrameOutsideQuotes(hits, topicHits, quoted, next, end) || AnswerOpensWithDenial(tokens, hits, topicHits, next);
    }

    private bool FrameOutsideQuotes(List<PhraseHit> hits, List<PhraseHit> topicHits, bool[] quoted, int left, int right)
    {
        foreach (var h in hits)
        {
            // A fronted cue is a verb, not a frame of its own (the negation before it is one).
            if (h.Owner >= cueBase && h.Owner != notNegationOwner && h.Start >= left && h.Start <= right && !quoted[h.Start]
                && !StartsNotNegation(hits, h.Start) && !cues[h.Owner - cueBase].Fronted)
            {
                return true;
            }
        }

        foreach (var h in topicHits)
        {
            if (h.Owner == honestOwner && h.Start >= left && h.Start <= right && !quoted[h.Start])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which tokens stand inside quotation marks (a pair of marks at most <see cref="LongestQuote"/> characters apart).</summary>
    internal static bool[] QuotedTokens(TokenizedText tokens, string source, out bool any)
    {
        var quoted = quotedCache is { } q && q.Length >= tokens.Count ? q : quotedCache = new bool[Math.Max(tokens.Count, 256)];
        Array.Clear(quoted, 0, tokens.Count);
        any = false;
        if (source.AsSpan().IndexOfAny("\"'\u2018\u2019\u201C\u201D\u201E\u00AB\u00BB>") < 0)
        {
            return quoted;
        }

        // An e-mail reply's quoted lines ("> Can you guarantee she will play again?") are the message replied to: quoted, and
        // judged like any quotation by what this message says around them.
        for (int line = 0, t = 0; line < source.Length;)
        {
            var next = source.IndexOf('\n', line);
            next = next < 0 ? source.Length : next + 1;
            var first = line;
            while (first < next && source[first] is ' ' or '\t')
            {
                first++;
            }

            var replyLine = first < next && source[first] == '>';
            for (; t < tokens.Count && tokens.OriginalStart(t) < next; t++)
            {
                if (replyLine && tokens.OriginalStart(t) > first)
                {
                    quoted[t] = true;
                    any = true;
                }
            }

            line = next;
        }

        var token = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var close = ClosingMark(source, i);
            if (close == '\0')
            {
                continue;
            }

            var j = source.IndexOf(close, i + 1);
            while (j > 0 && close is '\'' or '\u2019' && j + 1 < source.Length && char.IsLetter(source[j + 1]))
            {
                j = source.IndexOf(close, j + 1); // an apostrophe inside a quoted word ("don't") is not the closing mark
            }

            if (j < 0 || j - i > LongestQuote)
            {
                continue;
            }

            while (token < tokens.Count && tokens.OriginalStart(token) <= i)
            {
                token++;
            }

            for (var t = token; t < tokens.Count && tokens.OriginalStart(t) < j; t++)
            {
                quoted[t] = true;
                any = true;
            }

            i = j;
        }

        return quoted;
    }

    /// <summary>The mark that closes a quotation opened at <paramref name="i"/>, or '\0' if none opens there.</summary>
    private static char ClosingMark(string source, int i)
    {
        var c = source[i];
        var opensWord = i + 1 < source.Length && char.IsLetterOrDigit(source[i + 1]);
        var afterSpace = i == 0 || char.IsWhiteSpace(source[i - 1]) || source[i - 1] is '(' or '[' or ':' or '\u2014' or '\u2013';
        return c switch
        {
            '\u201C' => '\u201D',
            '\u201E' => '\u201C',
            '\u00AB' => '\u00BB',
            '\u2018' when opensWord => '\u2019',
            '"' when afterSpace && opensWord => '"',
            '\'' when afterSpace && opensWord => '\'',
            _ => '\0',
        };
    }
}
