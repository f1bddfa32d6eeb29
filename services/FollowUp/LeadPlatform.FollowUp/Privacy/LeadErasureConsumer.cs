using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Privacy;

/// <summary>
/// Erases what follow-up holds about a lead: the person and inquiry go, each outreach keeps its hash but loses its
/// recipient and text, open tasks are cancelled, the lead is opted out of everything, and messages held for review lose their texts. The evidence ledger stays as
/// it is: it holds hashes only (message, subject, consent), so it still proves what was sent without saying to whom.
/// A lead not known yet is stored erased, so a submission that arrives later brings no personal data back.
/// </summary>
public sealed class LeadErasureConsumer(ILeadStore store, Reviews.IReviewStore reviews, TimeProvider time, ILogger<LeadErasureConsumer> logger) : IConsumer<LeadErasureRequested>
{
    public const string Erased = "(erased)";

    public async Task Consume(ConsumeContext<LeadErasureRequested> context)
    {
        var m = context.Message;
        var now = StoredTime.Truncate(time.GetUtcNow());
        var existing = await store.GetAsync(m.LeadId, context.CancellationToken);
        var lead = existing ?? LeadDocument.New(m.LeadId, now);
        if (lead.ErasedAt is null)
        {
            Erase(lead, now, m.ErasureId);
            if (existing is not null) await store.ReplaceAsync(lead, context.CancellationToken); // a conflict makes the bus retry
            else if (!await store.TryInsertAsync(lead, context.CancellationToken)) throw new ConcurrencyConflictException(store.Name, m.LeadId, 0);
            logger.LogInformation("Personal data of lead {LeadId} erased by {Service} for erasure {ErasureId}", m.LeadId, FollowUpModule.ServiceName, m.ErasureId);
        }
        await Reviews.ReviewErasure.EraseAsync(reviews, m.LeadId, now, context.CancellationToken);
        await context.Publish(new LeadDataErased { LeadId = m.LeadId, OccurredAt = time.GetUtcNow(), ErasureId = m.ErasureId, Service = FollowUpModule.ServiceName },
            publish => publish.CorrelationId = m.LeadId);
    }

    internal static void Erase(LeadDocument lead, DateTimeOffset now, Guid? erasureId)
    {
        lead.Person = null;
        lead.Inquiry = null;
        foreach (var outreach in lead.Outreach)
        {
            outreach.Recipient = Erased;
            outreach.Subject = null;
            outreach.Message = string.Empty;
        }
        foreach (var task in lead.Tasks.Where(t => t.Status == "open")) task.Status = "cancelled";
        if (!lead.OptOuts.Contains("all")) lead.OptOuts.Add("all");
        lead.ErasedAt = now;
        lead.Record(new TimelineEntry
        {
            At = now,
            Kind = "erased",
            Summary = erasureId is null ? "Personal data anonymised after the retention period" : "Personal data erased on request",
            Details = erasureId is null ? [] : new() { ["erasureId"] = erasureId.Value.ToString() },
        });
    }
}
