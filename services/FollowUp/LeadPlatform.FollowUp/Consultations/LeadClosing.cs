using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Consultations;

/// <summary>
/// Closes a lead as lost with a reason from <see cref="LostReasons"/> ("other" with a text): the open tasks are done,
/// the reason is on the lead (the reports count it) and on the timeline in words. False: no such lead.
/// </summary>
internal sealed class LeadClosing(ILeadStore store, TimeProvider time, ILogger<LeadClosing> logger)
{
    private const int Attempts = 5;

    public async Task<bool> CloseAsLostAsync(Guid leadId, string reason, string? text, string by, CancellationToken cancellationToken)
    {
        var result = await store.UpdateAsync(leadId, (lead, log) =>
        {
            if (lead.MergedInto is not null) return false;
            var now = StoredTime.Truncate(time.GetUtcNow());
            var from = lead.Status;
            lead.Status = LeadStatus.Lost;
            lead.LostReason = reason;
            lead.LostReasonText = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            foreach (var task in lead.Tasks.Where(t => t.Status == FollowUpTaskStatus.Open)) task.Status = FollowUpTaskStatus.Done;
            // The summary names the reason from the list only (a status change's summary outlives an erasure); the text is a detail.
            var words = LostReasons.Describe(reason);
            lead.Record(new TimelineEntry
            {
                At = now, Kind = TimelineKind.StatusChanged, Actor = by,
                Summary = $"Status: {Dashboard.LeadActions.Describe(from)} → Lost. Reason: {words}",
                Details = new() { ["from"] = from.Name(), ["to"] = LeadStatus.Lost.Name(), ["lostReason"] = reason },
            });
            if (lead.LostReasonText is { } more) lead.Timeline[^1].Details["lostReasonText"] = more;
            log.LogInformation("Lead {LeadId} closed as lost ({LostReason}); status was {FromStatus}", leadId, reason, from.Name());
            return true;
        }, new UpdateOptions<LeadDocument> { Logger = logger }, cancellationToken);
        return result.Updated;
    }
}
