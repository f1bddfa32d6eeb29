namespace LeadPlatform.Compliance;

/// <summary>
/// Recall by topic, clearance by honest frame (round 4). The phrase rules recognise wordings; they cannot recognise
/// every paraphrase. So a sentence that <em>talks about</em> an outcome topic (a change of state, efficacy, a person's
/// experience, surgery compared, safety, regulatory status, fear-based urgency), said with words of the language's
/// concept lexicons (Snowball stems), goes to <c>review</c> unless the sentence is demonstrably honest: the topic's
/// words are negated or distanced by the negation grammar ("this won't fix your back", "is not approved", "beware of
/// clinics that promise"), or the sentence carries an honest frame (a hedge, a limitation, a denial: "results vary",
/// "some patients", "no guarantee", "experimental", "risks include"). A sentence the phrase rules already hold is
/// left to them. Double negations keep their meaning: a concept covered by two negations is asserted.
/// </summary>
public sealed partial class ClaimRuleSet
{
    private readonly int termsOwner = -1;

    private sealed record CompiledTopic(TopicDocument Document, int[] All, int Negated);

    private static (PhraseIndex? Index, int HonestOwner, CompiledTopic[] Topics) CompileTopics(ClaimRulesDocument document, IEnumerable<string> grammar)
    {
        var t = document.Topics;
        if (t is null || t.Topics.Count == 0)
        {
            return (null, 0, []);
        }

        var names = t.Concepts.Keys.ToList();
        var patterns = new List<(string, int)>();
        for (var c = 0; c < names.Count; c++)
        {
            if (t.Concepts[names[c]].Count == 0)
            {
                throw new FormatException($"Topic concept '{names[c]}' has no words.");
            }

            patterns.AddRange(t.Concepts[names[c]].Select(p => (Expand(p, document.Lexicon), c)));
        }

        var honest = names.Count;
        patterns.AddRange(t.HonestFrames.Select(p => (Expand(p, document.Lexicon), honest)));

        int ConceptOf(string name, string topic)
            => names.IndexOf(name) is var i and >= 0 ? i : throw new FormatException($"Topic '{topic}' names the concept '{name}', which is not defined.");

        var compiled = t.Topics.Select(d =>
        {
            if (string.IsNullOrWhiteSpace(d.Id) || string.IsNullOrWhiteSpace(d.Advice) || (d.All.Count == 0 && d.Negated is null))
            {
                throw new FormatException($"Topic '{d.Id}' needs an id, advice and concepts.");
            }

            return new CompiledTopic(d, [.. d.All.Select(n => ConceptOf(n, d.Id))], d.Negated is null ? -1 : ConceptOf(d.Negated, d.Id));
        }).ToArray();

        var duplicate = compiled.GroupBy(c => c.Document.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)
            ?? compiled.Where(c => document.Rules.Any(r => r.Id == c.Document.Id)).GroupBy(c => c.Document.Id).FirstOrDefault();
        if (duplicate is not null)
        {
            throw new FormatException($"Topic id '{duplicate.Key}' appears twice.");
        }

        var index = new PhraseIndex(patterns, document.NumberWords, document.Stem ? document.Language : null, grammar);
        return (index, honest, compiled);
    }

    /// <summary>
    /// A concept's words inside a longer hit of the <c>terms</c> concept (names of things) belong to it: "side effects" is not "effective",
    /// "regenerative medicine" names a field, "pain-free" is one outcome, not a burden.
    /// </summary>
    private bool Subsumed(List<PhraseHit> hits, int at, int sentenceStart, int sentenceEnd)
    {
        var hit = hits[at];
        for (var k = 0; k < hits.Count && hits[k].Start <= sentenceEnd; k++)
        {
            var o = hits[k];
            if (k != at && o.Owner == termsOwner && hit.Owner != termsOwner && o.Start >= sentenceStart && o.Start <= hit.Start && o.End >= hit.End
                && o.End - o.Start > hit.End - hit.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sentences with an honest frame (a hit of the topics' <c>honestFrames</c> that is not part of a name), each with the
    /// sentence before it in the same paragraph: a quotation or a question is judged or answered by what follows it.
    /// </summary>
    private void MarkFramed(PreparedText prepared, TokenizedText tokens, List<PhraseHit> topicHits, List<(int Start, int End)> framed)
    {
        var h = 0;
        var previous = -1;
        for (var s = 0; s < tokens.Count;)
        {
            var e = s;
            while (e + 1 < tokens.Count && !EndsSentence(tokens, e))
            {
                e++;
            }

            var honest = false;
            for (; h < topicHits.Count && topicHits[h].Start <= e; h++)
            {
                honest |= topicHits[h].Start >= s && topicHits[h].Owner == honestOwner && !Subsumed(topicHits, h, s, e);
            }

            if (honest)
            {
                var first = previous >= 0 ? previous : s;
                framed.Add((prepared.OriginalStart(tokens.OriginalStart(first)), prepared.OriginalEnd(tokens.OriginalEnd(e) - 1)));
            }

            previous = e + 1 < tokens.Count && tokens.ParagraphBreakAfter(e) ? -1 : s;
            s = e + 1;
        }
    }

    private void ReviewTopics(string text, string field, PreparedText prepared, TokenizedText tokens, List<PhraseHit> topicHits,
        List<(int Start, int End)> asserted, byte[] negations, bool[] distanced, List<(int Start, int End)>? decided, ref List<ComplianceViolation>? violations)
    {
        Span<int> from = stackalloc int[honestOwner];
        Span<int> to = stackalloc int[honestOwner];
        Span<bool> negated = stackalloc bool[honestOwner];
        Span<int> negFrom = stackalloc int[honestOwner];
        Span<int> negTo = stackalloc int[honestOwner];
        Span<int> prevFrom = stackalloc int[honestOwner];
        Span<int> prevTo = stackalloc int[honestOwner];
        prevFrom.Fill(-1);
        var prevHonest = false;
        var h = 0;
        for (var s = 0; s < tokens.Count;)
        {
            var e = s;
            while (e + 1 < tokens.Count && !EndsSentence(tokens, e))
            {
                e++;
            }

            from.Fill(-1);
            negated.Clear();
            var honest = false;
            var any = false;
            for (; h < topicHits.Count && topicHits[h].Start <= e; h++)
            {
                var hit = topicHits[h];
                if (hit.Start < s)
                {
                    continue;
                }

                if (hit.Owner == honestOwner)
                {
                    // A hedge word inside a name is not a hedge: "in May" is a month, not "may".
                    honest |= !Subsumed(topicHits, h, s, e);
                    continue;
                }

                if (distanced[hit.Start] || Subsumed(topicHits, h, s, e))
                {
                    continue;
                }

                // Asserted when covered by an even number of negations ("there hasn't been a case where it didn't work");
                // a concept said negatively ("no pain", "sin dolor") when covered by an odd number.
                // A concept said negatively ("!it didn't work", "!failed to heal") is asserted under an odd number.
                if (((negations[hit.Start] & 1) == 1) != hit.Negative)
                {
                    if (!negated[hit.Owner])
                    {
                        negFrom[hit.Owner] = hit.Start;
                    }

                    negated[hit.Owner] = true;
                    negTo[hit.Owner] = hit.End;
                    continue;
                }

                any = true;
                if (from[hit.Owner] < 0)
                {
                    from[hit.Owner] = hit.Start;
                }

                to[hit.Owner] = hit.End;
            }

            if ((any || negated.Contains(true)) && !asserted.Any(a => a.Start <= e && a.End > s))
            {
                // The topics decide this sentence (held, or cleared by an honest frame or a negation): not embedded.
                var decides = negated.Contains(true);
                foreach (var topic in topics)
                {
                    if (topic.Negated >= 0 && !negated[topic.Negated])
                    {
                        continue;
                    }

                    var across = topic.Document.AcrossSentences;
                    var fromBefore = false;
                    foreach (var c in topic.All)
                    {
                        fromBefore |= across && from[c] < 0 && prevFrom[c] >= 0;
                    }

                    // The hedge must be where the topic is: a previous sentence's hedge counts only if the topic needs that sentence.
                    if ((honest || (fromBefore && prevHonest)) && topic.Document.HedgeClears)
                    {
                        var complete = true;
                        foreach (var c in topic.All)
                        {
                            complete &= from[c] >= 0 || (across && prevFrom[c] >= 0);
                        }

                        decides |= complete;
                        continue;
                    }

                    var all = true;
                    int first = int.MaxValue, last = -1;
                    foreach (var c in topic.All)
                    {
                        var f = from[c] >= 0 ? from[c] : across ? prevFrom[c] : -1;
                        if (f < 0)
                        {
                            all = false;
                            break;
                        }

                        first = Math.Min(first, f);
                        last = Math.Max(last, from[c] >= 0 ? to[c] : prevTo[c]);
                    }

                    if (!all)
                    {
                        continue;
                    }

                    if (topic.Negated >= 0)
                    {
                        // The negated concept's words and the cue before them ("no side effects", "sin dolor").
                        first = Math.Min(first, Math.Max(s, negFrom[topic.Negated] - 2));
                        last = Math.Max(last, negTo[topic.Negated]);
                    }

                    decides = true;
                    var start = prepared.OriginalStart(tokens.OriginalStart(first));
                    var end = prepared.OriginalEnd(tokens.OriginalEnd(last - 1) - 1);
                    var d = topic.Document;
                    (violations ??= []).Add(Finding(text, field, start, end, d.Id, d.Advice, FindingSeverity.Review, d.Category, d.Source, d.Suggestion));
                    break;
                }

                if (decides && decided is not null)
                {
                    decided.Add((prepared.OriginalStart(tokens.OriginalStart(s)), prepared.OriginalEnd(tokens.OriginalEnd(e) - 1)));
                }
            }

            // What this sentence asserted, for a topic told over two sentences (not across a paragraph break).
            var paragraphBreak = e + 1 < tokens.Count && tokens.ParagraphBreakAfter(e);
            for (var c = 0; c < honestOwner; c++)
            {
                prevFrom[c] = paragraphBreak ? -1 : from[c];
                prevTo[c] = to[c];
            }

            prevHonest = honest && !paragraphBreak;
            s = e + 1;
        }
    }
}
