namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>An approval as the officer reads it: which version, the SHA-256 of its text, who and when.</summary>
public sealed record DisclaimerApprovalView(string Disclaimer, string TextHash, string ApprovedBy, DateTimeOffset ApprovedAt)
{
    public static DisclaimerApprovalView From(DisclaimerApproval a) => new(a.Disclaimer, a.TextHash, a.ApprovedBy, a.ApprovedAt);
}
