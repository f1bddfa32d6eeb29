namespace LeadPlatform.FollowUp.Consultations;

/// <summary><c>PUT /api/v1/leads/{leadId}/contact</c>: the corrected phone (E.164) and/or email, and why.</summary>
public sealed record ContactBody(string? Phone, string? Email, string? Reason, string? Coordinator = null);
