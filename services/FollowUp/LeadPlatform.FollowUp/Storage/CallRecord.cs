namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// One phone call as a coordinator logged it: which way, what came of it, how long, their notes (free text about the
/// person: sealed at rest), the cleared call script it followed if any, and whether it is flagged for the compliance
/// officer (an outbound call without a cleared script whose disclaimer was read aloud).
/// </summary>
public sealed class CallRecord
{
    internal const string SealedPurpose = "call";
    internal static readonly string[] SealedFields = [nameof(Notes)];

    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary><c>outbound</c> or <c>inbound</c>.</summary>
    public string Direction { get; set; } = CallOutcomes.Outbound;
    /// <summary>See <see cref="CallOutcomes"/>.</summary>
    public string Outcome { get; set; } = string.Empty;
    public int? DurationSeconds { get; set; }
    public string? Notes { get; set; }
    public string By { get; set; } = string.Empty;
    /// <summary>The call script (an outreach of channel phone) the call followed, or null.</summary>
    public Guid? ScriptOutreachId { get; set; }
    public bool FlaggedForCompliance { get; set; }
    public string? FlagReason { get; set; }
    /// <summary>Open tasks the call closed (the lead was reached, or a callback replaced them).</summary>
    public List<Guid> ClosedTaskIds { get; set; } = [];
    public Guid? CallbackTaskId { get; set; }
    public DateTimeOffset? CallbackAt { get; set; }
}
