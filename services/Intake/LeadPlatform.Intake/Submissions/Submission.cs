using LeadPlatform.Intake.Api;
using LeadPlatform.Intake.Sites;

namespace LeadPlatform.Intake.Submissions;

/// <summary>A valid request on its way to the store: for which site, under which idempotency key, and whether it is spam.</summary>
internal sealed record Submission(NormalizedQuoteRequest Request, Site Site, string? IdempotencyKey, string? SpamReason, DateTimeOffset ReceivedAt);
