using LeadPlatform.Intake.Storage;
using LeadPlatform.ServiceDefaults.Privacy;

namespace LeadPlatform.Intake.Privacy;

/// <summary>Intake's part of a lead's export: every request as it was accepted (decrypted), with its status and erasure.</summary>
public sealed class IntakeLeadExporter(IQuoteRequestStore store) : ILeadDataExporter
{
    public string Service => IntakeModule.ServiceName;

    public async Task<object?> ExportAsync(Guid leadId, CancellationToken cancellationToken)
    {
        var documents = await store.FindByLeadAsync(leadId, cancellationToken);
        if (documents.Count == 0) return null;
        return new
        {
            quoteRequests = documents.Select(d => new
            {
                d.Id,
                d.SiteId,
                d.Status,
                d.ReceivedAt,
                d.UpdatedAt,
                d.Tier,
                d.SpamReason,
                d.Submission.Person,
                d.Submission.Inquiry,
                d.Submission.Consent,
                d.Submission.Source,
                d.ErasedAt,
                d.ErasureId,
                d.ErasureConfirmedBy,
                d.ConsentedEmailKey,
                d.ConsentedPhoneKey,
            }).ToList(),
        };
    }
}
