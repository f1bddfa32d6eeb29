namespace LeadPlatform.Compliance;

/// <summary>
/// A compliance officer's approval of exactly this text. Passed back into <see cref="ComplianceGate.Check"/> when an
/// approved review is sent: the gate then accepts the <see cref="FindingSeverity.Review"/> claim findings (recording
/// who approved them in the evidence) and still runs every other rule afresh. Blocking findings still block.
/// </summary>
public sealed record ReviewApproval
{
    /// <summary>The review this approval decided.</summary>
    public required Guid ReviewId { get; init; }
    /// <summary>Who approved it (the compliance officer's account).</summary>
    public required string Reviewer { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
    /// <summary>Why, in the reviewer's words (optional).</summary>
    public string? Note { get; init; }
}
