namespace LeadPlatform.Intake.Api;

/// <summary>What intake knows of a request's progress. No personal data.</summary>
public sealed record QuoteRequestStatusView(
    Guid QuoteRequestId,
    Guid LeadId,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    string? Tier);
