using LeadPlatform.Contracts;
using LeadPlatform.ServiceDefaults.Storage;

namespace LeadPlatform.Qualification.Storage;

/// <summary>
/// One decision about one quote request (its id is the quote request's id: a redelivered request finds it and is
/// not decided twice), with every reason, and the event that announces it in its outbox.
/// </summary>
public sealed class QualificationDocument : StoredDocument
{
    public Guid LeadId { get; set; }
    public bool Eligible { get; set; }
    public string Tier { get; set; } = string.Empty;
    public int Score { get; set; }
    public List<ScoreReason> Reasons { get; set; } = [];
    public List<string> Flags { get; set; } = [];
    public List<DisqualificationReason> Disqualifications { get; set; } = [];
    public string RuleSetVersion { get; set; } = string.Empty;
    public DateTimeOffset DecidedAt { get; set; }
}
