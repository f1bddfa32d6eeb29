using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults.Privacy;

namespace LeadPlatform.Qualification;

/// <summary>Qualification's part of a lead's export: every decision with its reasons and the request it judged, and any suppression.</summary>
public sealed class QualificationLeadExporter(IQualificationStore decisions, ISuppressedLeadStore suppressed) : ILeadDataExporter
{
    public string Service => QualificationModule.ServiceName;

    public async Task<object?> ExportAsync(Guid leadId, CancellationToken cancellationToken)
    {
        var found = await decisions.FindByLeadAsync(leadId, cancellationToken);
        var suppression = await suppressed.GetAsync(leadId, cancellationToken);
        if (found.Count == 0 && suppression is null) return null;
        return new
        {
            decisions = found.Select(d => new
            {
                d.Id, d.QuoteRequestId, d.Trigger, d.Current, d.Eligible, d.Tier, d.Score, d.Reasons, d.Flags, d.Disqualifications,
                d.RuleSetVersion, d.DecidedAt, d.Request,
            }).ToList(),
            suppressed = suppression is null ? null : new { suppression.Since, suppression.Source },
        };
    }
}
