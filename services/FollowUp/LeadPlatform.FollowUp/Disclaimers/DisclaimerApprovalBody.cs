namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>The disclaimer version to approve, as <c>id@version</c> (the matrix names it).</summary>
public sealed record DisclaimerApprovalBody(string? Disclaimer);
