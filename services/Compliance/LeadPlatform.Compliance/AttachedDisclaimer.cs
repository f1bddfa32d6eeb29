namespace LeadPlatform.Compliance;

/// <summary>An evidence disclaimer as attached to one outreach (placeholders already filled in).</summary>
public sealed record AttachedDisclaimer
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Text { get; init; }
    /// <summary>True for call scripts: the coordinator must read it aloud and confirm having done so.</summary>
    public bool RequiresReadAloudConfirmation { get; init; }
}
