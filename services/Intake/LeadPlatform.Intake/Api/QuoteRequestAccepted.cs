namespace LeadPlatform.Intake.Api;

/// <summary>The 202 answer: where the request can be followed.</summary>
public sealed record QuoteRequestAccepted(Guid QuoteRequestId, Guid LeadId);
