using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Disclaimers;

/// <summary>An evidence disclaimer as attached; <c>status</c> is <c>approved</c> (by the clinic) or <c>draft</c> (awaiting its approval).</summary>
public sealed record DisclaimerView(string Id, string Version, string Text, bool ReadAloud, string? Status = null)
{
    public static DisclaimerView From(AttachedDisclaimer d) => new(d.Id, d.Version, d.Text, d.RequiresReadAloudConfirmation, d.Status);
}
