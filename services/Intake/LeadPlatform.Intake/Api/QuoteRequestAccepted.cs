namespace LeadPlatform.Intake.Api;

/// <summary>
/// The 202 answer: the id of this request, by which its processing can be followed. Nothing about a lead: whether the
/// person is already known is decided inside and never told to the public client (the clinic's own integrations find
/// the lead of a submission through follow-up's authenticated <c>GET /api/v1/leads?quoteRequestId={id}</c>).
/// </summary>
public sealed record QuoteRequestAccepted(Guid QuoteRequestId);
