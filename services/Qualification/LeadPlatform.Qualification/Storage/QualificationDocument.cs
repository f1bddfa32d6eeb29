using LeadPlatform.Contracts;
using LeadPlatform.Storage;

namespace LeadPlatform.Qualification.Storage;

/// <summary>
/// One decision about one quote request, with every reason, the request it judged (so it can be judged again under
/// a new rule set), and the event that announces it in its outbox. The first decision's id is the quote request's
/// id, so a redelivered request finds it and is not decided twice; a re-decision's id is derived from the request
/// and the rule-set version (<see cref="DecisionIds"/>), so re-running a version changes nothing.
/// </summary>
public sealed class QualificationDocument : StoredDocument
{
    public Guid QuoteRequestId { get; set; }
    public Guid LeadId { get; set; }
    /// <summary>submitted (the first decision) or requalified (after a rule-set change).</summary>
    public string Trigger { get; set; } = "submitted";
    /// <summary>Whether this is the request's decision in force; a re-decision that changed the outcome replaces it.</summary>
    public bool Current { get; set; } = true;
    public bool Eligible { get; set; }
    public string Tier { get; set; } = string.Empty;
    public int Score { get; set; }
    public List<ScoreReason> Reasons { get; set; } = [];
    public List<string> Flags { get; set; } = [];
    public List<DisqualificationReason> Disqualifications { get; set; } = [];
    public string RuleSetVersion { get; set; } = string.Empty;
    public DateTimeOffset DecidedAt { get; set; }
    public QuoteRequestSubmitted? Request { get; set; }
}
