namespace LeadPlatform.Compliance;

/// <summary>
/// Pure classifier for inbound SMS replies: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPT OUT on their
/// own (with filler such as "please"), and plain-language requests anywhere ("stop texting me", "don't text me",
/// "take me off your list"). Errs toward opting out: a needless opt-out costs a message, a missed one breaks the law.
/// Spanish and Portuguese too (BAJA, ALTO, CANCELAR, PARAR, SAIR; "ya no me escriban", "não quero mais mensagens").
/// A reply such as "cancel my appointment" is not an opt-out (a keyword inside a sentence) and is left to a person; a
/// keyword alone in one clause of a longer reply ("stop, I'm driving, call later") is ambiguous, flagged for a coordinator.
/// </summary>
public sealed class SmsOptOutClassifier
{
    private const int Keyword = 0;
    private const int Filler = 1;
    private const int Phrase = 2;

    private static readonly Lazy<SmsOptOutClassifier> Defaults = new(() =>
        new SmsOptOutClassifier(EmbeddedData.ReadJson<SmsOptOutDocument>("sms-opt-out.json", "The SMS opt-out data")));

    private readonly PhraseIndex index;

    private SmsOptOutClassifier(SmsOptOutDocument document)
    {
        Version = document.Version;
        index = new PhraseIndex(
            document.Keywords.Select(k => (k, Keyword))
                .Concat(document.Fillers.Select(f => (f, Filler)))
                .Concat(document.Phrases.Select(p => (p, Phrase))),
            []);
    }

    public string Version { get; }

    public static SmsOptOutClassifier Default => Defaults.Value;

    public SmsReplyClassification Classify(string? inboundText)
    {
        if (string.IsNullOrWhiteSpace(inboundText))
        {
            return new SmsReplyClassification { IsOptOut = false, Version = Version };
        }

        var tokens = TokenizedText.Create(inboundText);
        var hits = new List<PhraseHit>();
        index.Scan(tokens, hits);

        foreach (var hit in hits.Where(h => h.Owner == Phrase))
        {
            return OptOut(tokens, hit);
        }

        // Keywords only: every token covered by a keyword or a filler word, and at least one keyword.
        var covered = new bool[tokens.Count];
        PhraseHit? keyword = null;
        foreach (var hit in hits.OrderBy(h => h.Owner))
        {
            for (var t = hit.Start; t < hit.End; t++)
            {
                covered[t] = true;
            }

            if (hit.Owner == Keyword)
            {
                keyword ??= hit;
            }
        }

        if (keyword is { } k && covered.All(c => c))
        {
            return OptOut(tokens, k);
        }

        // Ambiguous: a keyword alone in one clause of a longer message ("stop, I'm driving, call later"). Not read as an
        // opt-out and not ignored: a coordinator decides. A keyword inside a sentence ("cancel my appointment") is ordinary.
        foreach (var hit in hits.Where(h => h.Owner == Keyword))
        {
            var (from, to) = Clause(tokens, hit.Start);
            var alone = true;
            for (var t = from; t <= to && alone; t++)
            {
                alone = covered[t];
            }

            if (alone && to >= hit.End - 1)
            {
                var start = tokens.OriginalStart(hit.Start);
                var end = tokens.OriginalEnd(hit.End - 1);
                return new SmsReplyClassification { IsOptOut = false, IsAmbiguous = true, Matched = tokens.Source[start..end], Version = Version };
            }
        }

        return new SmsReplyClassification { IsOptOut = false, Version = Version };
    }

    /// <summary>The first and last token of the clause holding <paramref name="token"/> (clauses end at , . ; ! ? and the like).</summary>
    private static (int From, int To) Clause(TokenizedText tokens, int token)
    {
        var from = token;
        while (from > 0 && (tokens.Gap(from - 1) & TokenizedText.ClauseBreak) == 0)
        {
            from--;
        }

        var to = token;
        while (to < tokens.Count - 1 && (tokens.Gap(to) & TokenizedText.ClauseBreak) == 0)
        {
            to++;
        }

        return (from, to);
    }

    private SmsReplyClassification OptOut(TokenizedText tokens, PhraseHit hit)
    {
        var start = tokens.OriginalStart(hit.Start);
        var end = tokens.OriginalEnd(hit.End - 1);
        return new SmsReplyClassification { IsOptOut = true, Scope = OptOutScope.Sms, Matched = tokens.Source[start..end], Version = Version };
    }
}

internal sealed class SmsOptOutDocument
{
    public string Version { get; set; } = string.Empty;
    public List<string> Keywords { get; set; } = [];
    public List<string> Fillers { get; set; } = [];
    public List<string> Phrases { get; set; } = [];
}
