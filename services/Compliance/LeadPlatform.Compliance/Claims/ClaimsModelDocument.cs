namespace LeadPlatform.Compliance;

/// <summary>The claims model as stored (Resources/claims-model.json), written by <c>claims-train</c>.</summary>
internal sealed class ClaimsModelDocument
{
    public string Version { get; set; } = string.Empty;

    /// <summary>SHA-256 of the claims-corpus.json the model was trained on.</summary>
    public string? Corpus { get; set; }

    public List<string> TrainedOn { get; set; } = [];

    public string? Notes { get; set; }

    public double Threshold { get; set; }

    public double? DismissBelow { get; set; }

    /// <summary>Per language, the claim probability at which a sentence goes to review (chosen by leave-one-part-out); <see cref="Threshold"/> for a language not named.</summary>
    public Dictionary<string, double>? Thresholds { get; set; }

    /// <summary>Which findings a confidently honest reading may dismiss: <c>topic</c> (the topic layer's, the default) <c>review</c> (any rule finding that only holds for review) or <c>all</c> (any rule finding, blocks included).</summary>
    public string? DismissScope { get; set; }

    /// <summary>Whether a sentence holding a claim phrase the rules judged negated or distanced is left to the rules (the model does not hold it on the same words).</summary>
    public bool RespectRules { get; set; }

    /// <summary>Whether questions are read like any sentence (else a question is left to the rules).</summary>
    public bool ReadQuestions { get; set; }

    /// <summary>A sentence is held only when its words favour the claim over honest by at least this (log-odds): the prior alone holds nothing.</summary>
    public double MinEvidence { get; set; }

    /// <summary>Whether each feature is also read with its language as a prefix (per-language weights beside shared ones).</summary>
    public bool LanguagePrefixed { get; set; }

    /// <summary>The feature kinds the model was trained with (<c>bigrams</c>, <c>concepts</c>, <c>negation-count</c>).</summary>
    public List<string> Features { get; set; } = [];

    public string? Suggestion { get; set; }

    public Dictionary<string, string> Sources { get; set; } = [];

    public List<string> Classes { get; set; } = [];

    public List<double> Bias { get; set; } = [];

    public Dictionary<string, float[]> Weights { get; set; } = [];

    /// <summary>A shallow copy of this document carrying <paramref name="weights"/> instead of its own.</summary>
    internal ClaimsModelDocument WithWeights(Dictionary<string, float[]> weights)
    {
        var copy = (ClaimsModelDocument)MemberwiseClone();
        copy.Weights = weights;
        return copy;
    }
}
