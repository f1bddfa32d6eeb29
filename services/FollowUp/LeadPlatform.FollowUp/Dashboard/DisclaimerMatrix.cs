using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// Which evidence disclaimer the gate attaches for each condition the form offers × channel × language (id@version and
/// whether the clinic approved it or it is a draft), or that none exists (then the gate blocks every outreach there).
/// Read from the gate's own disclaimer registry, so the page shows exactly what a send would get.
/// </summary>
internal sealed class DisclaimerMatrix(ComplianceGate gate)
{
    /// <summary>The conditions intake's form offers (intake's <c>QuoteRequestValidator.Conditions</c>).</summary>
    public static readonly IReadOnlyList<string> Conditions = ["spondylolysis", "spondylolisthesis", "degenerative_disc_disease", "other"];
    public static IReadOnlyList<string> Languages => DisclaimerRegistry.ProductLanguages;

    public IReadOnlyList<DisclaimerCell> Build() =>
    [
        .. gate.Disclaimers.Matrix(Conditions, Languages).Select(c => new DisclaimerCell(
            c.Condition, ChannelNames.Of(c.Channel), c.Language, c.IdAtVersion,
            c.Status switch { DisclaimerStatus.Draft => true, DisclaimerStatus.Approved => false, _ => null })),
    ];
}
