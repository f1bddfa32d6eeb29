namespace LeadPlatform.FollowUp.Consultations;

/// <summary>A lead's status after closing it: <c>lost</c> with its reason.</summary>
public sealed record LeadStatusView(Guid LeadId, string Status, string? LostReason, string? LostReasonText);
