namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="DisclaimersPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record DisclaimersPageModel : SignedInPageModel, Dashboard.IPageModel<DisclaimersPage>
{
    public IReadOnlyList<DisclaimerCell> Matrix { get; init; } = [];
    public IReadOnlyDictionary<string, LeadPlatform.FollowUp.Disclaimers.DisclaimerApproval> Approvals { get; init; } = new Dictionary<string, LeadPlatform.FollowUp.Disclaimers.DisclaimerApproval>();
    public string? Approved { get; init; }
}
