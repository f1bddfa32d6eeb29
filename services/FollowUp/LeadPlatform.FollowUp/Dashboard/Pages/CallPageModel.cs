using LeadPlatform.FollowUp.Storage;

namespace LeadPlatform.FollowUp.Dashboard.Pages;

/// <summary>
/// Everything <see cref="CallPage"/> renders from, typed: a missing or misspelled field is a compile error (issue 15, item 5).
/// </summary>
public sealed record CallPageModel : SignedInPageModel, Dashboard.IPageModel<CallPage>
{
    public required LeadDocument Lead { get; init; }
    public required LeadPlatform.FollowUp.Calls.CallReadinessView Readiness { get; init; }
    public string? CallbackDefault { get; init; }
    public string? CallbackHint { get; init; }
    public string? Points { get; init; }
    public CallScript? Script { get; init; }
    public string? Problem { get; init; }
    public IReadOnlyList<LeadPlatform.Compliance.ComplianceViolation> Violations { get; init; } = [];
}
