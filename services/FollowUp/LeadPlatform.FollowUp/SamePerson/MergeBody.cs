namespace LeadPlatform.FollowUp.SamePerson;

/// <summary>POST /api/v1/leads/{leadId}/merge: the lead to merge into <c>leadId</c> (which survives).</summary>
public sealed record MergeBody(Guid? OtherLeadId, string? Coordinator);
