namespace LeadPlatform.Intake.Api;

/// <summary>
/// How far this request's own processing has come, and nothing else: no lead, no decision, no personal data.
/// <see cref="Status"/> is <c>received</c> (stored), <c>processing</c> (handed on), or <c>done</c> (decided).
/// </summary>
public sealed record QuoteRequestStatusView(
    Guid QuoteRequestId,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt);
