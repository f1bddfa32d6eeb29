namespace LeadPlatform.FollowUp.Consultations;

/// <summary><c>POST</c>/<c>PUT /api/v1/leads/{leadId}/consultation</c>: an ISO 8601 start with its offset, minutes, the place, notes, whether to tell the lead (default true).</summary>
public sealed record ConsultationBody(DateTimeOffset? StartsAt, int? DurationMinutes, string? Location, string? Notes, bool? SendConfirmation, string? Coordinator = null);
