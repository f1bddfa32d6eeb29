using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults.Privacy;

namespace LeadPlatform.FollowUp.Privacy;

/// <summary>Follow-up's part of a lead's export: the person as last submitted, consent, tasks, timeline, outreach as sent, and the evidence ledger.</summary>
public sealed class FollowUpLeadExporter(ILeadStore store, Audit.LeadAccessLog accessLog) : ILeadDataExporter
{
    public string Service => FollowUpModule.ServiceName;

    public async Task<object?> ExportAsync(Guid leadId, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        if (lead is null) return null;
        await accessLog.RecordAsync(leadId, "operator", "operator-key", Audit.LeadAccessKinds.Export, cancellationToken);
        return new
        {
            lead.Status, lead.CreatedAt, lead.UpdatedAt, lead.Person, lead.Inquiry, lead.Consent, lead.Tier, lead.Score, lead.QuoteRequestIds,
            lead.Tasks, lead.Timeline, lead.OptOuts, lead.Outreach, lead.Evidence, lead.ErasedAt,
            lead.Submissions, lead.ConsentHistory, lead.PossibleSamePeople, lead.MergedInto, lead.MergedFrom,
        };
    }
}
