namespace LeadPlatform.FollowUp.Consultations;

/// <summary><c>POST /api/v1/leads/{leadId}/consultation/cancel</c> (reason required) and <c>/no-show</c> (reason optional).</summary>
public sealed record ConsultationCancelBody(string? Reason, bool? SendConfirmation = null, string? Coordinator = null);
