namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// The text of a draft the compliance gate blocked or held, kept for the compliance officer to read beside its evidence
/// record (which holds only the hash). Sealed at rest like an outreach's text; erasure empties it.
/// </summary>
public sealed class WithheldDraft
{
    internal const string SealedPurpose = "withheld-draft";
    internal static readonly string[] SealedFields = [nameof(Subject), nameof(Body)];

    /// <summary>The evidence record of the decision that blocked or held it.</summary>
    public Guid EvidenceId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary><c>blocked</c> or <c>review</c>.</summary>
    public string Decision { get; set; } = string.Empty;
    public string Channel { get; set; } = string.Empty;
    public string Language { get; set; } = "en";
    public string Author { get; set; } = string.Empty;
    public string? Subject { get; set; }
    public string Body { get; set; } = string.Empty;
}
