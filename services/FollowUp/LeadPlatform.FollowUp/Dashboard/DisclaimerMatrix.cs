using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Outreach;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Dashboard;

/// <summary>
/// Which evidence disclaimer the gate attaches for each condition the form offers × channel × language, or that none
/// exists (then the gate blocks every outreach there). Asked of the gate itself (a preview of a neutral text), so the
/// page shows exactly what a send would get.
/// </summary>
internal sealed class DisclaimerMatrix(ComplianceGate gate, PublicLinks links, IOptions<FollowUpOptions> options)
{
    /// <summary>The conditions intake's form offers (intake's <c>QuoteRequestValidator.Conditions</c>).</summary>
    public static readonly IReadOnlyList<string> Conditions = ["spondylolysis", "spondylolisthesis", "degenerative_disc_disease", "other"];
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "pt"];
    public static readonly IReadOnlyList<OutreachChannel> Channels = [OutreachChannel.Email, OutreachChannel.Sms, OutreachChannel.Phone];

    public IReadOnlyList<DisclaimerCell> Build()
    {
        var cells = new List<DisclaimerCell>();
        foreach (var condition in Conditions)
        foreach (var channel in Channels)
        foreach (var language in Languages)
        {
            var preview = gate.Preview(condition, channel, channel == OutreachChannel.Email ? "Hello" : null, "Hello", language,
                options.Value.ClinicPostalAddress, unsubscribeUrl: null, fullDisclaimerUrl: links.FullDisclaimerUrl(condition));
            var attached = preview.Disclaimers.FirstOrDefault();
            cells.Add(new DisclaimerCell(condition, ChannelNames.Of(channel), language, attached is null ? null : $"{attached.Id}@{attached.Version}", Draft: null));
        }
        return cells;
    }
}
