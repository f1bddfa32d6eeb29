namespace LeadPlatform.Compliance;

/// <summary>Result of checking an unsubscribe token.</summary>
public sealed record UnsubscribeTokenValidation
{
    public required bool IsValid { get; init; }
    public Guid? LeadId { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>Why it was refused: <c>malformed</c>, <c>bad-signature</c> or <c>expired</c>.</summary>
    public string? Failure { get; init; }
}
