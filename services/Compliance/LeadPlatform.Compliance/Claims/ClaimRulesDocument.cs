namespace LeadPlatform.Compliance;

// Shape of Resources/claim-rules.json (System.Text.Json, web defaults).
internal sealed class ClaimRulesDocument
{
    public string Version { get; set; } = string.Empty;
    public string Language { get; set; } = "en";
    public List<string> NumberWords { get; set; } = [];
    public NegationDocument Negation { get; set; } = new();
    public List<ClaimRuleDocument> Rules { get; set; } = [];
}

internal sealed class NegationDocument
{
    public List<NegationCueDocument> Cues { get; set; } = [];
    public List<string> NotNegations { get; set; } = [];
    public List<string> ClauseBreakWords { get; set; } = [];
    public List<string> Coordinators { get; set; } = [];
    public List<string> NewSubjects { get; set; } = [];
}

internal sealed class NegationCueDocument
{
    public List<string> Phrases { get; set; } = [];
    public int Scope { get; set; }
    public int Lookahead { get; set; }
    public int ClauseScope { get; set; }
    public List<string> Auxiliaries { get; set; } = [];
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
}
