namespace LeadPlatform.Contracts;

/// <summary>One contribution to a score, for example +20 "condition is spondylolysis".</summary>
public sealed record ScoreReason
{
    public required string Rule { get; init; }
    public required int Points { get; init; }
    public required string Text { get; init; }
}
