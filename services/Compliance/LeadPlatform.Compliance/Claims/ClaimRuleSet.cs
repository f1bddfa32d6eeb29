using System.Collections.Frozen;

namespace LeadPlatform.Compliance;

/// <summary>
/// The claims screen: a versioned rule set (data, not code) compiled once. <see cref="Screen"/> finds unsubstantiated
/// health claims however they are disguised (case, spacing, punctuation inside words, look-alike letters, fullwidth,
/// zero-width characters, accents, line breaks) and lets honest sentences through: a claim preceded in its clause by a
/// negation ("this treatment is not FDA approved", "there is no guarantee of results") is not a violation.
/// Immutable and thread-safe.
/// </summary>
public sealed partial class ClaimRuleSet
{
    private const string DefaultResource = "claim-rules.json";

    private static readonly Lazy<ClaimRuleSet> Defaults = new(() => FromResource(DefaultResource));

    [ThreadStatic]
    private static List<PhraseHit>? hitsCache;

    [ThreadStatic]
    private static byte[]? negationCache;

    [ThreadStatic]
    private static bool[]? distancedCache;

    [ThreadStatic]
    private static int[]? distancerCache;

    [ThreadStatic]
    private static List<PhraseHit>? topicHitsCache;

    [ThreadStatic]
    private static List<(int Start, int End)>? assertedCache;

    [ThreadStatic]
    private static List<PhraseHit>? reportedCache;

    [ThreadStatic]
    private static List<PhraseHit>? reportHitsCache;
    private const int FrameOwner = 0, VerdictOwner = 1, OfficialOwner = 2, CounselOwner = 3, CorrectionOwner = 4, SelfReportOwner = 5;

    private readonly ClaimRuleDocument[] rules;
    private readonly FrozenSet<string>[] ruleNegationWords;
    private readonly NegationCueDocument[] cues;
    private readonly int cueBase;
    private readonly int notNegationOwner;
    private readonly PhraseIndex index;
    private readonly FrozenSet<string>[] auxiliaries;
    private readonly bool[] distanceCue;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> clauseBreakWords;
    private readonly FrozenSet<string> notClauseBreaks;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> subjectQuantifiers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> coordinators;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> newSubjects;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> relatives;
    private readonly int relativeReach;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> concord;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>[] auxiliaryLookups;
    private readonly PhraseIndex? topicIndex;
    private readonly int honestOwner;
    private readonly CompiledTopic[] topics;
    private readonly ReportedClaimsDocument? reported;
    /// <summary>Owners: 0 a reporting frame, 1 a verdict.</summary>
    private readonly PhraseIndex? reportedIndex;

    private ClaimRuleSet(ClaimRulesDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Version))
        {
            throw new FormatException("The claim rule set has no version.");
        }

        if (document.Rules.Count == 0)
        {
            throw new FormatException("The claim rule set has no rules.");
        }

        var duplicate = document.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Claim rule id '{duplicate.Key}' appears twice.");
        }

        Version = document.Version;
        Language = document.Language;
        rules = [.. document.Rules];
        cues = [.. document.Negation.Cues];
        cueBase = rules.Length;
        // Rules whose own patterns say a negation word ("no need for", "já não é preciso", "without risk"): their inner negation is
        // part of the claim, never a denial of it.
        var negationWords = document.Negation.Cues.Where(c => c.Kind != "distance").SelectMany(c => c.Phrases)
            .Where(p => !p.Contains(' ', StringComparison.Ordinal)).Select(CharFolding.FoldWord).ToHashSet(StringComparer.Ordinal);
        ruleNegationWords = [.. rules.Select(r => r.Patterns.SelectMany(PatternWords).Select(CharFolding.FoldWord).Where(negationWords.Contains).ToFrozenSet(StringComparer.Ordinal))];
        notNegationOwner = cueBase + cues.Length;

        var patterns = new List<(string, int)>();
        for (var r = 0; r < rules.Length; r++)
        {
            if (rules[r].Patterns.Count == 0 || string.IsNullOrWhiteSpace(rules[r].Advice))
            {
                throw new FormatException($"Claim rule '{rules[r].Id}' needs patterns and advice.");
            }

            patterns.AddRange(rules[r].Patterns.Select(p => (p, r)));
        }

        for (var c = 0; c < cues.Length; c++)
        {
            patterns.AddRange(cues[c].Phrases.Select(p => (p, cueBase + c)));
        }

        patterns.AddRange(document.Negation.NotNegations.Select(p => (p, notNegationOwner)));
        var lexicon = document.Lexicon;
        patterns = [.. patterns.Select(p => (Expand(p.Item1, lexicon), p.Item2))];
        if (document.Stem && !Stemming.Supports(document.Language))
        {
            throw new FormatException($"The claim rule set asks for stems in '{document.Language}', which has no stemmer.");
        }

        // The negation grammar's own words are matched as written, never by stem ("sino" is not "sin", "nobody" not "nobod").
        var grammar = document.Negation.Cues.SelectMany(c => c.Phrases.Concat(c.Auxiliaries))
            .Concat(document.Negation.NotNegations).Concat(document.Negation.ClauseBreakWords).Concat(document.Negation.Coordinators)
            .Concat(document.Negation.Relatives).Concat(document.Negation.Concord)
            .SelectMany(p => p.Split([' ', '(', ')', '|'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => !w.StartsWith('{') && !w.StartsWith('@') && !w.StartsWith('#'));
        index = new PhraseIndex(patterns, document.NumberWords, document.Stem ? document.Language : null, grammar);
        distanceCue = [.. cues.Select(c => string.Equals(c.Kind, "distance", StringComparison.OrdinalIgnoreCase))];

        auxiliaries = [.. cues.Select(c => Fold(c.Auxiliaries))];
        auxiliaryLookups = [.. auxiliaries.Select(a => a.GetAlternateLookup<ReadOnlySpan<char>>())];
        clauseBreakWords = Fold(document.Negation.ClauseBreakWords).GetAlternateLookup<ReadOnlySpan<char>>();
        subjectQuantifiers = document.Negation.SubjectQuantifiers.Select(q => string.Concat(q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CharFolding.FoldWord)))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        notClauseBreaks = document.Negation.NotClauseBreaks.Select(p => string.Join(' ', p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CharFolding.FoldWord)))
            .ToFrozenSet(StringComparer.Ordinal);
        coordinators = Fold(document.Negation.Coordinators).GetAlternateLookup<ReadOnlySpan<char>>();
        newSubjects = Fold(document.Negation.NewSubjects).GetAlternateLookup<ReadOnlySpan<char>>();
        relatives = Fold(document.Negation.Relatives).GetAlternateLookup<ReadOnlySpan<char>>();
        relativeReach = document.Negation.RelativeReach;
        concord = Fold(document.Negation.Concord).GetAlternateLookup<ReadOnlySpan<char>>();
        (topicIndex, honestOwner, topics) = CompileTopics(document, grammar);
        conceptNames = document.Topics?.Concepts.Keys.ToArray() ?? [];
        termsOwner = document.Topics is null ? -1 : document.Topics.Concepts.Keys.ToList().IndexOf("terms");
        if (document.Reported is { Frames.Count: > 0 } report)
        {
            if (string.IsNullOrWhiteSpace(report.Id) || string.IsNullOrWhiteSpace(report.Advice))
            {
                throw new FormatException("The reported-claims section needs an id and advice.");
            }

            if (report.Official is { } official && (string.IsNullOrWhiteSpace(official.Id) || string.IsNullOrWhiteSpace(official.Advice) || official.Phrases.Count == 0))
            {
                throw new FormatException("The reported-claims section's official documents need an id, advice and phrases.");
            }

            reported = report;
            reportedIndex = new PhraseIndex(
                report.Frames.Select(p => (Expand(p, lexicon), FrameOwner))
                    .Concat(report.Verdicts.Select(p => (Expand(p, lexicon), VerdictOwner)))
                    .Concat((report.Official?.Phrases ?? []).Select(p => (Expand(p, lexicon), OfficialOwner)))
                    .Concat(report.Counsel.Select(p => (Expand(p, lexicon), CounselOwner)))
                    .Concat(report.Corrections.Select(p => (Expand(p, lexicon), CorrectionOwner)))
                    .Concat(report.SelfReports.Select(p => (Expand(p, lexicon), SelfReportOwner))),
                document.NumberWords, document.Stem ? document.Language : null, grammar);
        }

        RuleIds = [.. rules.Select(r => r.Id).Concat(topics.Select(t => t.Document.Id)).Concat(reported is null ? [] : [reported.Id]).Concat(reported?.Official is { } o ? [o.Id] : [])];
    }

    /// <summary>The rule set's version (recorded in every evidence record).</summary>
    public string Version { get; }

    public string Language { get; }

    public IReadOnlyList<string> RuleIds { get; }

    /// <summary>The rule set embedded in this assembly.</summary>
    public static ClaimRuleSet LoadDefault() => Defaults.Value;

    /// <summary>A rule set from JSON in the embedded file's format (for a newer version shipped as data).</summary>
    public static ClaimRuleSet FromJson(string json)
        => new(EmbeddedData.Deserialize<ClaimRulesDocument>(json, "The claim rule set"));

    /// <summary>The rule set embedded in this assembly as <paramref name="name"/> (<c>claim-rules.es.json</c>, ...).</summary>
    internal static ClaimRuleSet FromResource(string name)
        => new(EmbeddedData.ReadJson<ClaimRulesDocument>(name, "The claim rule set"));

    /// <summary>Title, category, severity and source of every rule (for the compliance officer's view).</summary>
    public IReadOnlyList<ClaimRuleInfo> Rules => [.. rules.Select(r => new ClaimRuleInfo(r.Id, r.Title, r.Category, SeverityOf(r), r.Source, r.Advice, r.Suggestion))
        .Concat(topics.Select(t => new ClaimRuleInfo(t.Document.Id, t.Document.Title, t.Document.Category, FindingSeverity.Review, t.Document.Source, t.Document.Advice, t.Document.Suggestion)))
        .Concat(reported is null ? [] : [new ClaimRuleInfo(reported.Id, reported.Title, reported.Category, FindingSeverity.Review, reported.Source, reported.Advice, reported.Suggestion)])
        .Concat(reported?.Official is not { } o ? [] : [new ClaimRuleInfo(o.Id, o.Title, reported.Category, FindingSeverity.Review, o.Source, o.Advice, o.Suggestion)])];

    /// <summary>Advice for a rule id, or null if the id is not in this set.</summary>
    public string? AdviceFor(string ruleId) => rules.FirstOrDefault(r => r.Id == ruleId)?.Advice ?? topics.FirstOrDefault(t => t.Document.Id == ruleId)?.Document.Advice
        ?? (reported is not null && reported.Id == ruleId ? reported.Advice : null)
        ?? (reported?.Official is { } o && o.Id == ruleId ? o.Advice : null);

    /// <summary>Whether <paramref name="ruleId"/> is a rule for claims quoted from an enforcement document (which the learned layer may not dismiss).</summary>
    internal static bool IsOfficialReport(string ruleId) => ruleId.EndsWith(".reported.official", StringComparison.Ordinal);

    /// <summary>
    /// Screens one text. Each violation gives the rule, the matched text as it appears in <paramref name="text"/>
    /// (disguises included), its start and length in <paramref name="text"/>, and advice.
    /// </summary>
    public IReadOnlyList<ComplianceViolation> Screen(string text, string field = "body") => Screen(text, field, null);

    /// <summary>
    /// As <see cref="Screen(string, string)"/>; <paramref name="decided"/>, when given, receives the span (in
    /// <paramref name="text"/>) of every phrase the rules recognised, claims and negations alike: what the rules decided.
    /// </summary>
    internal IReadOnlyList<ComplianceViolation> Screen(string text, string field, List<(int Start, int End)>? decided) => Screen(text, field, decided, topicsToo: true);

    /// <param name="topicsToo">Whether to read the text's topics too: only in a language the text is written in (a
    /// Portuguese text sent with language <c>en</c> is not read for English topics, whose stems would misread it).</param>
    /// <param name="unasserted">When given, receives the span of every claim phrase the rules recognised and judged negated or
    /// distanced ("does not cure", a quoted "miracle" in a warning): claim words the rules have already read as not asserted.</param>
    /// <param name="framed">When given, receives the span of every sentence with an honest frame (a denial, a hedge, a warning: the topics'
    /// <c>honestFrames</c>) and of the sentence just before it in the same paragraph (a quotation or a question judged or answered by
    /// the next sentence): where the learned layer may weigh a block finding (<c>dismissScope: framed</c>) and leaves questions to the rules.</param>
    internal IReadOnlyList<ComplianceViolation> Screen(string text, string field, List<(int Start, int End)>? decided, bool topicsToo, List<(int Start, int End)>? unasserted = null, List<(int Start, int End)>? framed = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var prepared = PreparedText.From(text);
        var tokens = TokenizedText.ForThread(prepared.Text);
        var hits = hitsCache ??= new List<PhraseHit>(32);
        hits.Clear();
        index.Scan(tokens, hits);

        var anyClaim = false;
        foreach (var hit in hits)
        {
            anyClaim |= hit.Owner < cueBase;
            if (decided is not null && hit.Owner != notNegationOwner)
            {
                decided.Add((prepared.OriginalStart(tokens.OriginalStart(hit.Start)), prepared.OriginalEnd(tokens.OriginalEnd(hit.End - 1) - 1)));
            }
        }

        var topicHits = topicHitsCache ??= new List<PhraseHit>(32);
        topicHits.Clear();
        var anyTopic = false;
        if (topicIndex is not null && topicsToo)
        {
            topicIndex.Scan(tokens, topicHits);
            foreach (var hit in topicHits)
            {
                anyTopic |= hit.Owner < honestOwner;
            }
        }

        if (framed is not null && topicHits.Count > 0)
        {
            MarkFramed(prepared, tokens, topicHits, framed);
        }

        if (!anyClaim && !anyTopic)
        {
            return [];
        }

        MarkNegatedTokens(tokens, hits, out var negations, out var distanced, out var distancer);
        var reports = ScanReports(tokens);
        MarkMentions(tokens, hits, topicHits, distanced, reports);
        var asserted = assertedCache ??= new List<(int, int)>(8);
        asserted.Clear();
        List<ComplianceViolation>? violations = null;
        List<PhraseHit>? assertedHits = null;
        var distancedOnly = reportedCache ??= new List<PhraseHit>(4);
        distancedOnly.Clear();
        foreach (var hit in hits)
        {
            if (hit.Owner >= cueBase)
            {
                continue;
            }

            // Asserted when an even number of negations cover a positive statement ("never had a patient who wasn't
            // cured") or an odd number a negative one ("no patient has ever failed to heal"); never when distanced.
            var at = hit.JudgedAtEnd || (!hit.Negative && NegatedInside(tokens, hits, hit, negations)) ? hit.End - 1 : hit.Start;
            var level = negations[at];
            if (level > 0 && at == hit.Start && ConcordWithNegationBefore(tokens, hits, hit))
            {
                level--;
            }

            if (!hit.Negative && NegationSkippedInside(tokens, hits, hit))
            {
                level++;
            }

            // "the price is guaranteed, the result isn't", "el precio está garantizado, el resultado no": a negation right after
            // the claim's last word, closing its clause, is the claim's own (elliptical) predicate.
            if (!hit.Negative && NegationClosesClause(tokens, hits, hit))
            {
                level++;
            }

            var odd = (level & 1) == 1;
            if ((distanced[at] && !DistancedByItsOwnWords(hits, distancer, hit, at)) || odd != hit.Negative)
            {
                // A negation carries over a coordinated list of claims: "not a miracle or a breakthrough".
                CarryNegationOverCoordination(tokens, hit.End, distanced);
                unasserted?.Add((prepared.OriginalStart(tokens.OriginalStart(hit.Start)), prepared.OriginalEnd(tokens.OriginalEnd(hit.End - 1) - 1)));
                if (reportedIndex is not null && distanced[at] && odd == hit.Negative)
                {
                    distancedOnly.Add(hit);
                }

                continue;
            }

            (assertedHits ??= []).Add(hit);
        }

        if (distancedOnly.Count > 0)
        {
            ReviewReportedClaims(text, field, prepared, tokens, distancedOnly, reports, ref violations);
        }

        foreach (var hit in assertedHits ?? [])
        {
            if (WithdrawnByDenial(tokens, hits, assertedHits!, hit))
            {
                // Withdrawn, its words are someone's denied claim for the topics too: no review of the sentence for them.
                Array.Fill(distanced, true, hit.Start, hit.End - hit.Start);
                unasserted?.Add((prepared.OriginalStart(tokens.OriginalStart(hit.Start)), prepared.OriginalEnd(tokens.OriginalEnd(hit.End - 1) - 1)));
                continue;
            }

            asserted.Add((hit.Start, hit.End));
            var start = prepared.OriginalStart(tokens.OriginalStart(hit.Start));
            var end = prepared.OriginalEnd(tokens.OriginalEnd(hit.End - 1) - 1);
            var rule = rules[hit.Owner];
            (violations ??= []).Add(Finding(text, field, start, end, rule.Id, rule.Advice, SeverityOf(rule), rule.Category, rule.Source, rule.Suggestion));
        }

        if (anyTopic)
        {
            ReviewTopics(text, field, prepared, tokens, topicHits, asserted, negations, distanced, decided, ref violations);
        }

        if (violations is null)
        {
            return [];
        }

        violations.RemoveAll(v => IsFallback(v.Rule)
            && violations.Any(o => o != v && !IsFallback(o.Rule) && o.Start < v.Start + v.Length && v.Start < o.Start + o.Length));
        return violations;
    }

    /// <summary>
    /// Claims the rules read as someone else's words (quoted, reported) that go to review all the same: each in a sentence
    /// with a reporting frame before it, or right after a sentence with one ("Warning letter excerpt: the website stated the
    /// product was 'FDA approved'", "La publicidad afirmaba que «ningún paciente ha dejado de mejorar»", "Roteiro: responder
    /// «...»"), when nothing in the text corrects them. A regulator's or a complaint's quotation of a claim, sent to a patient,
    /// still tells the patient the claim; a warning that says what is wrong with it ("that is not true", "é enganoso") does not.
    /// </summary>
    private void ReviewReportedClaims(string text, string field, PreparedText prepared, TokenizedText tokens, List<PhraseHit> candidates, List<PhraseHit> found, ref List<ComplianceViolation>? violations)
    {
        // Counsel clears always; a verdict clears unless it is an official excerpt's own (the excerpt still quotes the claim).
        var official = reported!.Official is not null && found.Exists(h => h.Owner == OfficialOwner);
        if (found.Count == 0
            || found.Exists(h => h.Owner is CounselOwner or CorrectionOwner)
            || (found.Exists(h => h.Owner == VerdictOwner) && !official))
        {
            return;
        }

        var (id, advice, source, suggestion) = official
            ? (reported.Official!.Id, reported.Official.Advice, reported.Official.Source, reported.Official.Suggestion)
            : (reported.Id, reported.Advice, reported.Source, reported.Suggestion);

        var reportedUntil = -1;
        foreach (var hit in candidates)
        {
            if (hit.Start <= reportedUntil)
            {
                continue;
            }

            var sentence = SentenceStart(tokens, hit.Start);
            var from = sentence > 0 ? SentenceStart(tokens, sentence - 1) : 0;
            if (!found.Exists(f => (f.Owner is FrameOwner or OfficialOwner) && f.Start >= from && f.Start < hit.Start))
            {
                continue;
            }

            reportedUntil = hit.End - 1;
            var start = prepared.OriginalStart(tokens.OriginalStart(hit.Start));
            var end = prepared.OriginalEnd(tokens.OriginalEnd(hit.End - 1) - 1);
            (violations ??= []).Add(Finding(text, field, start, end, id, advice, FindingSeverity.Review, rules[hit.Owner].Category, source, suggestion));
        }
    }

    /// <summary>
    /// The reported-claims section's phrases found in the text (frames, verdicts, official documents, counsel, corrections,
    /// self-reports), scanned once for both the mentions and the review of reported claims; empty without that section.
    /// </summary>
    private List<PhraseHit> ScanReports(TokenizedText tokens)
    {
        var found = reportHitsCache ??= new List<PhraseHit>(8);
        found.Clear();
        reportedIndex?.Scan(tokens, found);
        return found;
    }

    /// <summary>A finding of a rule, a topic or a reported claim over the original text's [start, end).</summary>
    private static ComplianceViolation Finding(string text, string field, int start, int end, string rule, string advice, FindingSeverity severity, string? category, string? source, string? suggestion)
        => new()
        {
            Rule = rule,
            Advice = advice,
            Severity = severity,
            Category = category,
            Source = source,
            Suggestion = suggestion,
            Field = field,
            Match = text[start..end],
            Start = start,
            Length = end - start,
        };

    private static int SentenceStart(TokenizedText tokens, int p)
    {
        while (p > 0 && !EndsSentence(tokens, p - 1))
        {
            p--;
        }

        return p;
    }

    /// <summary>
    /// Whether an implied claim (<see cref="ClaimRuleDocument.WithdrawnBy"/>) is denied after it, in its own sentence or the
    /// next: a finding of a rule it implies that the text does not assert.
    /// </summary>
    private bool WithdrawnByDenial(TokenizedText tokens, List<PhraseHit> hits, List<PhraseHit> assertedHits, PhraseHit implied)
    {
        var withdrawnBy = rules[implied.Owner].WithdrawnBy;
        if (withdrawnBy.Count == 0)
        {
            return false;
        }

        // The end of the next sentence (or of the text).
        var end = implied.End - 1;
        for (var sentenceEnds = 0; end + 1 < tokens.Count; end++)
        {
            if (EndsSentence(tokens, end) && ++sentenceEnds == 2)
            {
                break;
            }
        }

        foreach (var h in hits)
        {
            if (h.Owner < cueBase && h.Start >= implied.End && h.Start <= end && withdrawnBy.Contains(rules[h.Owner].Id) && !assertedHits.Contains(h))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsFallback(string ruleId) => rules.FirstOrDefault(r => r.Id == ruleId)?.Fallback ?? false;

    private static FindingSeverity SeverityOf(ClaimRuleDocument rule)
        => string.Equals(rule.Severity, "review", StringComparison.OrdinalIgnoreCase) ? FindingSeverity.Review : FindingSeverity.Block;

    private static string Expand(string pattern, Dictionary<string, List<string>> lexicon)
    {
        if (!pattern.Contains('@', StringComparison.Ordinal))
        {
            return pattern;
        }

        var words = pattern.Split(' ');
        for (var w = 0; w < words.Length; w++)
        {
            var prefix = words[w].Length - words[w].TrimStart('!', '>').Length;
            if (words[w].Length > prefix + 1 && words[w][prefix] == '@')
            {
                var name = words[w][(prefix + 1)..];
                if (!lexicon.TryGetValue(name, out var entries) || entries.Count == 0)
                {
                    throw new FormatException($"Pattern '{pattern}' names the word list '@{name}', which the rule set does not define.");
                }

                words[w] = words[w][..prefix] + "(" + string.Join("|", entries) + ")";
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// Whether the one cue that distances a claim's word is made of the claim's own words and is one that a claim may contain
    /// (<see cref="NegationCueDocument.NotInsideClaim"/>): "our procedure makes bracing unnecessary" compares with conservative
    /// care, it is not a sentence about it; "rest heals most of these fractures" is. "Relief isn't guaranteed" stays disowned.
    /// </summary>
    private bool DistancedByItsOwnWords(List<PhraseHit> hits, int[] distancer, PhraseHit claim, int at)
    {
        var by = distancer[at] - 1;
        return by >= 0 && hits[by].Start >= claim.Start && hits[by].End <= claim.End && cues[hits[by].Owner - cueBase].NotInsideClaim;
    }

    private void MarkNegatedTokens(TokenizedText tokens, List<PhraseHit> hits, out byte[] negations, out bool[] distanced, out int[] distancer)
    {
        distancer = distancerCache is { } r && r.Length >= tokens.Count ? r : distancerCache = new int[Math.Max(tokens.Count, 256)];
        Array.Clear(distancer, 0, tokens.Count);
        var by = distancer;
        var current = 0;
        negations = negationCache is { } n && n.Length >= tokens.Count ? n : negationCache = new byte[Math.Max(tokens.Count, 256)];
        distanced = distancedCache is { } d && d.Length >= tokens.Count ? d : distancedCache = new bool[Math.Max(tokens.Count, 256)];
        Array.Clear(negations, 0, tokens.Count);
        Array.Clear(distanced, 0, tokens.Count);
        var dist = distanced;

        foreach (var hit in hits)
        {
            current++;
            if (hit.Owner < cueBase || hit.Owner == notNegationOwner || StartsNotNegation(hits, hit.Start) || InsideLongerCue(hits, hit) || InsideNotNegation(hits, hit))
            {
                continue;
            }

            var cueIndex = hit.Owner - cueBase;
            if (IsAnswerParticle(tokens, hit))
            {
                continue;
            }

            var cue = cues[cueIndex];
            if (!distanceCue[cueIndex] && !concord.Contains(tokens.Letters(hit.Start)) && InsideNotNegationPhrase(hits, hit))
            {
                continue;
            }

            if (cue.NotUnderNegation && negations[hit.Start] > 0)
            {
                continue;
            }

            // Negative concord: "sin ninguna molestia", "no hay ni un paciente que", "não há nenhum" are one negation; the
            // n-word carries the negation it is in over its own scope instead of flipping it back.
            var concordLevel = !distanceCue[cueIndex] && negations[hit.Start] > 0 && concord.Contains(tokens.Letters(hit.Start))
                ? negations[hit.Start]
                : (byte)0;

            // A negation inside another's scope inherits it: "nobody who has finished the course has gone home without
            // feeling the difference" — what "without" governs is still inside what "nobody" governs, so it is doubly negated
            // even past the outer cue's own reach.
            var inherited = distanceCue[cueIndex] || concordLevel > 0 ? (byte)0 : negations[hit.Start];
            var scope = cue.Scope;
            // A negative quantifier opening its sentence is its subject and governs the whole clause: "Nobody leaves our
            // clinic without feeling a difference", "Nadie sale de la consulta sin notar...", "Ninguém sai ... sem sentir".
            var opensSentence = (hit.Start == 0 || EndsSentence(tokens, hit.Start - 1)) && subjectQuantifiers.Contains(tokens.Letters(hit.Start, hit.End - 1));
            if (cue.Lookahead > 0 && (opensSentence || AuxiliaryFollows(tokens, hit.End, cue.Lookahead, auxiliaryLookups[cueIndex])))
            {
                scope = Math.Max(scope, cue.ClauseScope);
            }

            if (relativeReach > 0 && !distanceCue[cueIndex])
            {
                scope = WithRelativeClause(tokens, hit.End, scope, cue.RelativeSearch);
            }

            // A claim starting at token p has (p - hit.End) words between it and the cue. A fronted cue covers only the phrase
            // before it.
            if (distanceCue[cueIndex] && cue.Fronted)
            {
                scope = -1;
            }

            for (var p = hit.End; p < tokens.Count && p - hit.End <= scope; p++)
            {
                // A comma straight after the cue opens a parenthetical, not a new clause ("when, or whether, you'll ..."); but a
                // bare negation word ending its clause before a conjunction is elliptical and governs nothing after the comma
                // ("others don't, and there's no evidence that ...", "otros que no, y no hay pruebas", "outros que não, e não há").
                // An n-word closing its clause as an object ("no duele nada, no hay ningún riesgo") opens no parenthetical.
                if (EndsClause(tokens, p) && !(distanceCue[cueIndex] && cue.AcrossCommas && !EndsSentence(tokens, p)) && !(p == hit.End && concordLevel == 0 && p > 0 && !EndsSentence(tokens, p - 1) && (tokens.Gap(p - 1) & TokenizedText.ClauseBreak) != 0
                    && !EllipticalNegation(tokens, p) && !NewClauseAfterComma(tokens, p)))
                {
                    break;
                }

                // A negation after a coordinator is a sibling, not a negation inside this one: "sem dor e sem riscos", "no
                // duele y no tiene riesgos", "não dói nada e não há nenhum risco", "not painful and not risky" — each governs
                // its own phrase.
                if (p >= hit.End && !distanceCue[cueIndex] && coordinators.Contains(tokens.Letters(p)) && p + 1 < tokens.Count
                    && (tokens.Letters(p + 1).SequenceEqual(tokens.Letters(hit.Start)) || ClaimsModel.IsNegation(Language, tokens.Letters(p + 1))))
                {
                    break;
                }

                if (distanceCue[cueIndex])
                {
                    Distance(p);
                }
                else if (concordLevel > 0)
                {
                    negations[p] = Math.Max(negations[p], concordLevel);
                }
                else
                {
                    negations[p] = (byte)Math.Max(negations[p] + 1, inherited + 1);
                }
            }

            // A distancing cue's own words after its first are part of what it distances ("does not mean the FDA has
            // approved"); its first word may open a claim of its own ("evite la operación").
            for (var p = hit.Start + 1; distanceCue[cueIndex] && p < hit.End; p++)
            {
                Distance(p);
            }

            if (distanceCue[cueIndex] && (!cue.Fronted || OpensFrontedClause(tokens, hit.Start, cue.Before)))
            {
                // A fronted cue's negation word is not part of the fronted phrase: "no hay nada que pueda salir mal" stays a claim.
                for (var p = hit.Start - (cue.Fronted ? 2 : 1); p >= 0 && hit.Start - p <= cue.Before && !(cue.BeforeAcrossCommas ? EndsSentence(tokens, p) : EndsClause(tokens, p + 1)); p--)
                {
                    Distance(p);
                }
            }
        }

        // Which cue distanced each word: its hit's number, or -1 when more than one did.
        void Distance(int p)
        {
            dist[p] = true;
            by[p] = by[p] == 0 || by[p] == current ? current : -1;
        }
    }

    /// <summary>
    /// Whether the words before <paramref name="cue"/> (a verb) are a phrase fronted before its negation: a negation word
    /// stands right before the verb, the clause (or sentence) starts at most <paramref name="reach"/> words back, and no
    /// coordinating word ("y", "e", "and") joins a clause of its own in between.
    /// </summary>
    private bool OpensFrontedClause(TokenizedText tokens, int cue, int reach)
    {
        if (cue < 2 || !ClaimsModel.IsNegation(Language, tokens.Letters(cue - 1)) || EndsClause(tokens, cue - 1))
        {
            return false;
        }

        for (var p = cue - 2; p >= 0 && cue - p <= reach; p--)
        {
            if (coordinators.Contains(tokens.Letters(p)))
            {
                return false;
            }

            if (p == 0 || EndsClause(tokens, p) || EndsSentence(tokens, p - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "no patient (of ours) who ...", "not a single person we treated who ...": a relative word within the negated
    /// noun phrase (the cue's scope, at least four words) extends the negation over the relative clause and the predicate
    /// after it, so a second negation there makes two.
    /// </summary>
    private int WithRelativeClause(TokenizedText tokens, int from, int scope, int search)
    {
        var reach = search > 0 ? search : Math.Max(scope, 4);
        for (var p = from; p < tokens.Count && p - from <= reach; p++)
        {
            if (EndsClause(tokens, p))
            {
                break;
            }

            if (relatives.Contains(tokens.Letters(p)))
            {
                return Math.Max(scope, p - from + relativeReach);
            }
        }

        return scope;
    }

    /// <summary>A cue inside a phrase that only looks like a negation or a hedge ("than with physiotherapy alone") is not one.</summary>
    private bool InsideNotNegation(List<PhraseHit> hits, PhraseHit cue)
    {
        foreach (var h in hits)
        {
            if (h.Owner == notNegationOwner && distanceCue[cue.Owner - cueBase] && h.Start < cue.Start && h.End >= cue.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A cue inside a longer cue is part of it: "no" in "no hay ningun motivo para que" is not a second negation.</summary>
    private bool InsideLongerCue(List<PhraseHit> hits, PhraseHit cue)
    {
        foreach (var h in hits)
        {
            // Also a cue overlapping a longer one shares its negation word: "todavía no" and "no hay pruebas sólidas" are
            // one negation in "todavía no hay pruebas sólidas", not two.
            if (h.Owner >= cueBase && h.Owner != notNegationOwner && h != cue && h.Start < cue.End && cue.Start < h.End
                && (h.End - h.Start > cue.End - cue.Start || (h.End - h.Start == cue.End - cue.Start && h.Start < cue.Start))
                && (h.Start <= cue.Start && h.End >= cue.End || distanceCue[h.Owner - cueBase] == distanceCue[cue.Owner - cueBase]))
            {
                return true;
            }
        }

        return false;
    }

    private void CarryNegationOverCoordination(TokenizedText tokens, int end, bool[] distanced)
    {
        const int Reach = 3;
        if (end >= tokens.Count || EndsClause(tokens, end) || !coordinators.Contains(tokens.Letters(end)))
        {
            return;
        }

        for (var p = end + 1; p < tokens.Count && p - end <= Reach; p++)
        {
            if (EndsClause(tokens, p))
            {
                break;
            }

            distanced[p] = true;
        }
    }

    /// <summary>
    /// A one-word negation standing alone as an answer, between the start of a sentence or clause and a comma or stop
    /// ("No, it isn't FDA-cleared", "to answer directly: no, it isn't a proven cure", "Não, não tem aprovação"): it answers
    /// the question asked and negates nothing after it, so it does not cancel the negation that follows. The same holds for a
    /// "Sí," / "Si," that answers yes: folded, it is spelled as the conditional "si" (if), but a conditional never stands alone.
    /// The bare answer words ("no", "não", "sí") are one wherever they stand once a comma or stop follows ("Told her no, it is
    /// not FDA approved", "le dije que no, que no está aprobado", "le dije que sí, que está aprobado"): as a determiner "no"
    /// would need its noun, and a conditional its clause; only "si" after "ni" / "o" is the "whether" of a list of questions
    /// ("no podemos decirle cuándo, ni si, volverá a jugar").
    /// </summary>
    private static bool IsAnswerParticle(TokenizedText tokens, PhraseHit cue)
        => cue.End - cue.Start == 1 && cue.End < tokens.Count
            && (cue.Start == 0 || EndsSentence(tokens, cue.Start - 1) || (tokens.Gap(cue.Start - 1) & TokenizedText.ClauseBreak) != 0
                || tokens.Letters(cue.Start) is "no" or "nao"
                || (tokens.Letters(cue.Start) is "si" && cue.Start > 0 && tokens.Letters(cue.Start - 1) is not ("ni" or "o" or "u")))
            && (EndsSentence(tokens, cue.Start) || (tokens.Gap(cue.Start) & TokenizedText.ClauseBreak) != 0);

    /// <summary>
    /// A positive claim whose own words hold a negation that reaches its last word is negated there: "success isn't
    /// guaranteed", "the pain won't necessarily go away" (the claim's words before the negation only name a topic).
    /// </summary>
    private bool NegatedInside(TokenizedText tokens, List<PhraseHit> hits, PhraseHit claim, byte[] negations)
    {
        if (claim.End - claim.Start < 3 || negations[claim.End - 1] <= negations[claim.Start] )
        {
            return false;
        }

        // A claim that itself opens with a negation states an absolute negatively ("no hay ninguna posibilidad de ..."): its
        // inner negation word is concord, not a denial.
        var inner = false;
        foreach (var h in hits)
        {
            if (IsNegationCue(h))
            {
                if (h.Start <= claim.Start && h.End > claim.Start)
                {
                    return false;
                }

                // ... and a negation word the rule's own patterns say is part of the claim ("já não é preciso ...").
                inner |= h.Start > claim.Start && h.End < claim.End && !ruleNegationWords[claim.Owner].GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens.Letters(h.Start));
            }
        }

        return inner;
    }

    /// <summary>
    /// Negative concord inside a claim: a claim whose own words hold an n-word after which the language needs a negation
    /// before the verb ("não corre risco nenhum", "no corre ningún riesgo", "não há absolutamente nada que possa correr
    /// mal") states its absolute with that negation: the "não" / "no" just before it, in the same clause, is the claim's own
    /// and not a denial of it. Not when the claim carries its own negation before the n-word ("não há nada que …"), nor
    /// when a relative or a clause break stands between ("não posso dizer que nada …" denies what follows "que").
    /// </summary>
    private bool ConcordWithNegationBefore(TokenizedText tokens, List<PhraseHit> hits, PhraseHit claim)
    {
        if (claim.Negative)
        {
            return false;
        }

        var ruleWords = ruleNegationWords[claim.Owner].GetAlternateLookup<ReadOnlySpan<char>>();
        var nWord = -1;
        for (var p = claim.Start; p < claim.End && nWord < 0; p++)
        {
            if (concord.Contains(tokens.Letters(p)) && ruleWords.Contains(tokens.Letters(p)))
            {
                nWord = p;
            }
        }

        if (nWord < 0)
        {
            return false;
        }

        var before = -1;
        foreach (var h in hits)
        {
            if (!IsNegationCue(h))
            {
                continue;
            }

            if (h.Start >= claim.Start && h.Start < nWord)
            {
                return false;
            }

            if (h.End <= claim.Start && claim.Start - h.End <= ConcordReach)
            {
                before = Math.Max(before, h.End);
            }
        }

        if (before < 0)
        {
            return false;
        }

        for (var p = before; p < claim.Start; p++)
        {
            if (EndsClause(tokens, p) || relatives.Contains(tokens.Letters(p)) || EndsSentence(tokens, p))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A claim that opens with its own negation and whose words between hold "without" / "sin" / "sem" says the opposite:
    /// "no hay tratamiento sin riesgos", "não existe tratamento sem riscos" (there is no treatment without risk) matched "no
    /// hay … riesgos" across the "sin". Only the preposition: a negated relative clause inside is the claim's own double
    /// negation ("no existe caso que no pueda mejorar"), and concord n-words ("no hay ni un riesgo") are the same negation.
    /// </summary>
    private bool NegationSkippedInside(TokenizedText tokens, List<PhraseHit> hits, PhraseHit claim)
    {
        var opens = false;
        var inside = false;
        foreach (var h in hits)
        {
            if (!IsNegationCue(h))
            {
                continue;
            }

            opens |= h.Start == claim.Start;
            inside |= h.Start > claim.Start && h.Start < claim.End - 1 && h.End - h.Start == 1 && tokens.Letters(h.Start) is "without" or "sin" or "sem"
                && !InsideNotNegationPhrase(hits, h);
        }

        return opens && inside;
    }

    /// <summary>Words at most between a negation and the claim it agrees with ("não corre … risco nenhum").</summary>
    private const int ConcordReach = 3;

    private bool NegationClosesClause(TokenizedText tokens, List<PhraseHit> hits, PhraseHit claim)
    {
        var p = claim.End;
        if (p >= tokens.Count || (tokens.Gap(p - 1) & TokenizedText.ClauseBreak) != 0)
        {
            return false;
        }

        foreach (var h in hits)
        {
            // Not an n-word: "sem cortar nada", "efeito adverso nenhum", "cirugía nunca" are negative concord, the claim's own.
            if (h.Start == p && h.End - h.Start <= 2 && IsNegationCue(h) && (h.End == tokens.Count || (tokens.Gap(h.End - 1) & TokenizedText.ClauseBreak) != 0)
                && cues[h.Owner - cueBase].Auxiliaries.Count == 0 && !concord.Contains(tokens.Letters(h.Start, h.End - 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A hit of a negation cue: not a claim, not a phrase that only looks like a negation, not a distancing cue.</summary>
    private bool IsNegationCue(PhraseHit h) => h.Owner >= cueBase && h.Owner != notNegationOwner && !distanceCue[h.Owner - cueBase];

    /// <summary>A pattern's one-word elements: bare words and one-word alternatives ("does not" in an alternative is not "not").</summary>
    private static IEnumerable<string> PatternWords(string pattern)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(pattern, @"\(([^()]*)\)|([^\s()]+)"))
        {
            var words = m.Groups[1].Success ? m.Groups[1].Value.Split('|') : [m.Groups[2].Value];
            foreach (var w in words.Select(w => w.Trim().TrimStart('!', '>')).Where(w => w.Length > 0 && !w.Contains(' ', StringComparison.Ordinal)))
            {
                yield return w;
            }
        }
    }

    /// <summary>
    /// A negation inside a fixed phrase that only looks like one is spent inside it: in "if you don't treat it now you'll
    /// regret it" the negation is the condition's (not treating), not the consequence's, like "if you don't act". A concord
    /// n-word is not spent ("no hay ni un paciente que no ..."): it carries the negation it is in.
    /// </summary>
    private bool InsideNotNegationPhrase(List<PhraseHit> hits, PhraseHit cue)
    {
        foreach (var h in hits)
        {
            if (h.Owner == notNegationOwner && h.Start < cue.Start && h.End >= cue.End)
            {
                return true;
            }
        }

        return false;
    }

    private bool StartsNotNegation(List<PhraseHit> hits, int start)
    {
        foreach (var h in hits)
        {
            if (h.Start == start && h.Owner == notNegationOwner)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Round 17: after the comma that follows a cue, a coordinator with a new subject opens a new clause, not a parenthetical:
    /// "We no longer use a brace, and the injection heals the fracture" (the conservative-care cue reaches no further).
    /// </summary>
    private bool NewClauseAfterComma(TokenizedText tokens, int p)
        => coordinators.Contains(tokens.Letters(p)) && p + 1 < tokens.Count && newSubjects.Contains(tokens.Letters(p + 1));

    /// <summary>A bare negation word (or the t of n't) before the comma at <paramref name="p"/>, with a conjunction after it.</summary>
    private bool EllipticalNegation(TokenizedText tokens, int p)
    {
        var before = tokens.Letters(p - 1);
        return (ClaimsModel.IsNegation(Language, before) || before is "t") && (coordinators.Contains(tokens.Letters(p)) || clauseBreakWords.Contains(tokens.Letters(p)));
    }

    private bool EndsClause(TokenizedText tokens, int p)
    {
        if (p > 0 && (tokens.Gap(p - 1) & TokenizedText.ClauseBreak) != 0)
        {
            return true;
        }

        var word = tokens.Letters(p);
        if (clauseBreakWords.Contains(word))
        {
            // "vai embora" (goes away) is not "embora" (although).
            return p == 0 || notClauseBreaks.Count == 0 || (tokens.Gap(p - 1) & TokenizedText.PhraseJoin) == 0
                || !notClauseBreaks.Contains(string.Concat(tokens.Letters(p - 1), " ", word));
        }

        return coordinators.Contains(word) && p + 1 < tokens.Count && newSubjects.Contains(tokens.Letters(p + 1));
    }

    private static bool EndsSentence(TokenizedText tokens, int p) => (tokens.Gap(p) & TokenizedText.PhraseJoin) == 0;

    private bool AuxiliaryFollows(TokenizedText tokens, int from, int lookahead, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> auxiliary)
    {
        for (var p = from; p < tokens.Count && p - from < lookahead; p++)
        {
            if (EndsClause(tokens, p))
            {
                return false;
            }

            if (auxiliary.Contains(tokens.Letters(p)))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenSet<string> Fold(IEnumerable<string> words)
        => words.Select(CharFolding.FoldWord).Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
}
