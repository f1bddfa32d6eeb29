namespace LeadPlatform.FollowUp.Consultations;

/// <summary>What a booking, reschedule, cancel or no-show did: the consultation (null: no such lead), or why nothing changed.</summary>
internal sealed record ConsultationChange(Consultation? Consultation, string? Conflict = null, ConsultationMessage? Confirmation = null);
