namespace LeadPlatform.Compliance;

/// <summary>An evidence disclaimer as attached to one outreach (placeholders already filled in).</summary>
public sealed record AttachedDisclaimer
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Text { get; init; }
    /// <summary>True for call scripts: the coordinator must read it aloud and confirm having done so.</summary>
    public bool RequiresReadAloudConfirmation { get; init; }
    /// <summary><see cref="DisclaimerStatus.Approved"/> or <see cref="DisclaimerStatus.Draft"/> (attached all the same; the clinic has yet to approve the wording).</summary>
    public string Status { get; init; } = DisclaimerStatus.Approved;
}
