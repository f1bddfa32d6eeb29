namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// One consent statement for one channel, as it was given: from a submission, a START reply, or brought along by a merge.
/// Append-only: a later statement is added beside the earlier ones, so the history shows what was consented and when.
/// </summary>
public sealed class ConsentRecord
{
    public DateTimeOffset At { get; set; }
    /// <summary>email, sms or phone.</summary>
    public string Channel { get; set; } = string.Empty;
    public bool Granted { get; set; }
    public string? Text { get; set; }
    public string? TextVersion { get; set; }
    /// <summary>submission, sms_reply (START), or the way it came.</summary>
    public string Source { get; set; } = string.Empty;
    public Guid? QuoteRequestId { get; set; }
    /// <summary>The lead it was given on (differs from the document's after a merge).</summary>
    public Guid LeadId { get; set; }
    /// <summary>Whether it became the consent on file (<see cref="LeadDocument.Consent"/>); a repeat submission's does not.</summary>
    public bool OnFile { get; set; }
}
