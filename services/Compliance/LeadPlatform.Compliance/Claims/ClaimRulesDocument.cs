namespace LeadPlatform.Compliance;

// Shape of Resources/claim-rules.json (System.Text.Json, web defaults).
internal sealed class ClaimRulesDocument
{
    public string Version { get; set; } = string.Empty;
    public string Language { get; set; } = "en";
    /// <summary>Stem words (Snowball, by <see cref="Language"/>) in the rules and the text before matching.</summary>
    public bool Stem { get; set; }
    /// <summary>Named word lists: <c>@name</c> in a pattern stands for <c>(one|of|these)</c>.</summary>
    public Dictionary<string, List<string>> Lexicon { get; set; } = [];
    public List<string> NumberWords { get; set; } = [];
    public NegationDocument Negation { get; set; } = new();
    public List<ClaimRuleDocument> Rules { get; set; } = [];
    /// <summary>
    /// Recall by topic (round 4): concept lexicons of stems; a sentence that talks about an outcome topic and has no
    /// honest frame goes to review even when no rule recognised a claim in it.
    /// </summary>
    public TopicsDocument? Topics { get; set; }
    /// <summary>
    /// Round 15: a claim reported as someone's words (a regulator quoting an advert, a complaint quoting a representative, a
    /// script telling coordinators what to answer) and left uncorrected still carries the claim to the patient.
    /// </summary>
    public ReportedClaimsDocument? Reported { get; set; }
}

/// <summary>
/// A claim the rules read as distanced (quoted or reported) in a sentence with a reporting frame (or right after one) goes to
/// review when nothing in the text corrects it: no verdict ("that is not true", "misleading", "desconfíe", "não é aprovado").
/// </summary>
internal sealed class ReportedClaimsDocument
{
    public string Id { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Advice { get; set; } = string.Empty;
    /// <summary>The category shown for the rule itself; each finding carries the category of the claim it reports.</summary>
    public string Category { get; set; } = "reported";
    public string? Source { get; set; }
    public string? Suggestion { get; set; }
    /// <summary>Reporting frames: "the website stated", "according to the complaint", "la publicidad afirmaba", "roteiro".</summary>
    public List<string> Frames { get; set; } = [];
    /// <summary>Corrections anywhere in the text: "not true", "misleading", "no es cierto", "enganoso", "not approved".</summary>
    public List<string> Verdicts { get; set; } = [];
    /// <summary>
    /// Round 17: claims quoted from a regulator's or a court's document ("warning letter excerpt", "extracto de la demanda",
    /// "a requerida"). The document's own verdict ("false and misleading", "sin evidencia", "não conseguiu comprovar") does not
    /// clear them: sent to a patient, an enforcement excerpt still tells the claim word for word.
    /// </summary>
    public OfficialReportsDocument? Official { get; set; }
    /// <summary>
    /// Advice to the reader and the sender's own disowning ("be wary", "desconfíe", "we don't say that", "retiramos a frase",
    /// "correction"): these clear a reported claim even inside an official excerpt, as the verdicts clear any other report.
    /// </summary>
    public List<string> Counsel { get; set; } = [];
    /// <summary>
    /// Round 17: the text corrects something said before ("a correction", "I was wrong", "me equivoqué", "preciso corrigir",
    /// "that wasn't accurate"). Every quotation in such a text is the words it takes back (distanced), and they clear a report
    /// as counsel does.
    /// </summary>
    public List<string> Corrections { get; set; } = [];
    /// <summary>The sender reporting their own earlier words ("I said that", "we described it as", "te dije que", "eu disse que"): in a
    /// text with a correction, the rest of the sentence is the words taken back.</summary>
    public List<string> SelfReports { get; set; } = [];
}

/// <summary>
/// The rule for claims quoted from an enforcement document: its own id, advice and source (shown to the compliance officer),
/// and the phrases that mark such a document. Each phrase also frames a report, as the reporting frames do. Its findings go to
/// review and the learned layer may not dismiss them: the model learnt from excerpts that authors labelled either way.
/// </summary>
internal sealed class OfficialReportsDocument
{
    public string Id { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Advice { get; set; } = string.Empty;
    public string? Source { get; set; }
    public string? Suggestion { get; set; }
    /// <summary>"warning letter excerpt", "excerpt, consent order", "respondent", "extracto de la demanda", "trecho do acordo", "réu".</summary>
    public List<string> Phrases { get; set; } = [];
}

internal sealed class TopicsDocument
{
    /// <summary>Named concepts, each a list of stems (or short patterns in the rules' syntax, <c>@lexicon</c> allowed).</summary>
    public Dictionary<string, List<string>> Concepts { get; set; } = [];
    /// <summary>Topics, in order of priority: the first one a sentence asserts names its finding.</summary>
    public List<TopicDocument> Topics { get; set; } = [];
    /// <summary>
    /// Honest frames: a limitation, hedge or denial of the claim ("we cannot promise", "results vary", "some patients",
    /// "not proven", "experimental", "risks include"). One in a sentence clears the sentence's topics (those that allow it).
    /// </summary>
    public List<string> HonestFrames { get; set; } = [];
}

internal sealed class TopicDocument
{
    public string Id { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string? Category { get; set; }
    public string? Source { get; set; }
    public string Advice { get; set; } = string.Empty;
    public string? Suggestion { get; set; }
    /// <summary>Concepts that must all be asserted in the sentence (not negated, not distanced).</summary>
    public List<string> All { get; set; } = [];
    /// <summary>A concept that must occur negated ("no pain", "sin dolor", "sem efeitos colaterais", "zero risk").</summary>
    public string? Negated { get; set; }
    /// <summary>Whether an honest frame in the sentence clears the topic (not for fear-based urgency, which comes hedged).</summary>
    public bool HedgeClears { get; set; } = true;
    /// <summary>
    /// Whether the concepts may be spread over this sentence and the one before it in the same paragraph: a story told
    /// in two sentences ("A roofer couldn't climb a ladder in March. He finished a whole roof last month.").
    /// </summary>
    public bool AcrossSentences { get; set; }
}

internal sealed class NegationDocument
{
    public List<NegationCueDocument> Cues { get; set; } = [];
    public List<string> NotNegations { get; set; } = [];
    public List<string> ClauseBreakWords { get; set; } = [];
    /// <summary>Two-word phrases in which a clause-break word is not one ("vai embora": goes away, not "although").</summary>
    public List<string> NotClauseBreaks { get; set; } = [];
    /// <summary>
    /// Negative pronouns that, opening a sentence, are its subject and govern the whole clause ("Nobody leaves ...
    /// without ...", "Nadie sale ... sin ..."); a determiner ("No more pain with our proven therapy") does not.
    /// </summary>
    public List<string> SubjectQuantifiers { get; set; } = [];
    public List<string> Coordinators { get; set; } = [];
    public List<string> NewSubjects { get; set; } = [];
    /// <summary>
    /// Relative words ("who", "que", "quem"): a negation whose scope reaches one covers the relative clause and the
    /// predicate after it too, <see cref="RelativeReach"/> words on ("no patient who didn't recover", "no hay ni un
    /// paciente que no haya mejorado": the first cue reaches the second, so the two assert).
    /// </summary>
    public List<string> Relatives { get; set; } = [];
    public int RelativeReach { get; set; }

    /// <summary>
    /// Negative concord (Spanish, Portuguese): an n-word ("ninguna", "nadie", "nenhum", "ni") already inside another
    /// negation's scope repeats that negation instead of flipping it back ("sin ninguna molestia" is one negation).
    /// </summary>
    public List<string> Concord { get; set; } = [];
}

internal sealed class NegationCueDocument
{
    public List<string> Phrases { get; set; } = [];
    public int Scope { get; set; }
    public int Lookahead { get; set; }
    public int ClauseScope { get; set; }
    public List<string> Auxiliaries { get; set; } = [];
    /// <summary>
    /// <c>negation</c> (default): each cue covering a word flips it, so two cues assert ("never had a patient who
    /// wasn't cured"). <c>distance</c>: the words are someone else's claim, a warning or conservative care, never the
    /// clinic's assertion ("beware of clinics that promise cures"), whatever else covers them.
    /// </summary>
    public string Kind { get; set; } = "negation";
    /// <summary>For a <c>distance</c> cue: how many words before it (same clause) it also covers ("fractures heal with rest").</summary>
    public int Before { get; set; }
    /// <summary>
    /// Round 17: for a <c>distance</c> cue, its scope runs on over commas to the end of the sentence: a list it introduces
    /// ("words we no longer use: heals, repairs, cures, risk-free", "palabras que ya no usamos: cura, sana, ...").
    /// </summary>
    public bool AcrossCommas { get; set; }
    /// <summary>
    /// For a <c>distance</c> cue: its <see cref="Before"/> reach crosses commas and other clause punctuation up to the
    /// sentence's start ("the registration is for the facility, not the treatment").
    /// </summary>
    public bool BeforeAcrossCommas { get; set; }
    /// <summary>
    /// For a <c>distance</c> cue (a verb): its <see cref="Before"/> reach applies only when a negation word stands right before
    /// it and the clause starts at most <see cref="Before"/> words back with no coordinating word in between: the object or
    /// subject put first and denied by the verb after it ("Garantía de resultado no hay", "Milagros aquí no hacemos", "Risco
    /// zero não existe"), not a claim followed by a second clause ("Cura la hernia y no hay riesgo").
    /// </summary>
    public bool Fronted { get; set; }
    /// <summary>
    /// For a <c>negation</c> cue: how many words after it a relative word ("who", "que", "que") may come and still head a
    /// relative clause of the cue's object (default: the cue's scope, at least four). A negated verb of knowing, remembering,
    /// finding or seeing governs its whole object however long the noun phrase: "I can't think of anyone with your kind
    /// of fracture who didn't heal", "no recuerdo a nadie con su tipo de fractura que no se haya curado".
    /// </summary>
    public int RelativeSearch { get; set; }
    /// <summary>
    /// For a <c>distance</c> cue: not a distancing cue where a negation already covers it. "Anyone who ..." is someone
    /// else's claim or a condition ("anyone who promises a cure"), but under a negation "anyone" is the negated
    /// object itself ("you won't find anyone who wasn't satisfied" is "everyone was satisfied").
    /// </summary>
    public bool NotUnderNegation { get; set; }

    /// <summary>
    /// Whether a claim phrase that contains this distancing cue's words is left to be judged as a claim: conservative care
    /// named inside a comparison ("our procedure makes bracing unnecessary", "con las células no hace falta la
    /// fisioterapia") is the claim's own subject, not a sentence about conservative care.
    /// </summary>
    public bool NotInsideClaim { get; set; }
}

internal sealed class ClaimRuleDocument
{
    public string Id { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Advice { get; set; } = string.Empty;
    public List<string> Patterns { get; set; } = [];
    /// <summary><c>block</c> (default) or <c>review</c>: hold the message for a compliance officer.</summary>
    public string Severity { get; set; } = "block";
    public string? Category { get; set; }
    public string? Source { get; set; }
    /// <summary>
    /// A fallback rule (claim frames: a subject and an outcome) reports only what no other rule already reported at
    /// that place: "Stem cells can heal your spine" is one healing claim, not two.
    /// </summary>
    public bool Fallback { get; set; }
    /// <summary>
    /// Rules whose claim this one only implies (an FDA-registered lab implies an FDA approval): the implication is withdrawn
    /// when, after it in the same or the next sentence, the text denies that claim ("Our lab is FDA-registered. That does not
    /// mean the FDA has approved the treatment", "Seguimos as regras da FDA; isso não torna a terapia aprovada").
    /// </summary>
    public List<string> WithdrawnBy { get; set; } = [];
    /// <summary>A rewording that says the same thing without overstating the evidence.</summary>
    public string? Suggestion { get; set; }
}
