namespace LeadPlatform.FollowUp.Calls;

/// <summary>A call to log, already validated (outcome and direction known, callback in the future).</summary>
internal sealed record CallLogRequest
{
    public required string Direction { get; init; }
    public required string Outcome { get; init; }
    public int? DurationSeconds { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset? CallbackAt { get; init; }
    /// <summary>The call script it followed (from the gate), if any.</summary>
    public Guid? ScriptOutreachId { get; init; }
    /// <summary>The coordinator read the script's disclaimer aloud on this call (confirms the script when not confirmed yet).</summary>
    public bool ReadAloud { get; init; }
    public required string By { get; init; }
}
