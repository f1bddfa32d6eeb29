namespace LeadPlatform.FollowUp.Consultations;

/// <summary><c>POST /api/v1/leads/{leadId}/lost</c>: one of <see cref="LostReasons"/>, and a text (required for "other").</summary>
public sealed record LostBody(string? Reason, string? Text, string? Coordinator = null);
