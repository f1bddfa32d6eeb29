namespace LeadPlatform.FollowUp.Consultations;

/// <summary>One message about a consultation: REQUEST, CANCEL or REMINDER, its channel and what became of it (sent, held_for_review, scheduled, blocked, failed).</summary>
public sealed record ConsultationMessageView(Guid OutreachId, string Method, int Sequence, string Channel, DateTimeOffset At, string Outcome);
