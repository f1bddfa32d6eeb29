using LeadPlatform.Compliance;

namespace LeadPlatform.FollowUp.Api;

/// <summary>An evidence disclaimer as attached.</summary>
public sealed record DisclaimerView(string Id, string Version, string Text, bool ReadAloud)
{
    public static DisclaimerView From(AttachedDisclaimer d) => new(d.Id, d.Version, d.Text, d.RequiresReadAloudConfirmation);
}
