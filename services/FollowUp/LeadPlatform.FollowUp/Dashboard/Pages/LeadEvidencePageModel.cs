using LeadPlatform.FollowUp.Officer;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="LeadEvidencePage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record LeadEvidencePageModel : SignedInPageModel, Dashboard.IPageModel<LeadEvidencePage>
{
    public required EvidenceChainView Ledger { get; init; }
    public bool Erased { get; init; }
}
