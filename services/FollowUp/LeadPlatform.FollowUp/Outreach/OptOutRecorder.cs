using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.ServiceDefaults;
using LeadPlatform.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// Records an opt-out on the lead and announces it (<see cref="LeadOptedOut"/> through the outbox) in one write.
/// Idempotent: an opt-out already on record (or one of all contact) changes nothing and announces nothing. Under
/// <see cref="FollowUpOptions.OptOutRevokesAllChannels"/> the channel asked for is kept and <c>all</c> is added and announced.
/// </summary>
internal sealed class OptOutRecorder(ILeadStore store, TimeProvider time, IOptions<FollowUpOptions> options, ILogger<OptOutRecorder> logger)
{
    private const int Attempts = 5;

    /// <returns>null when there is no such lead; true when recorded now; false when it already was.</returns>
    public async Task<bool?> OptOutAsync(Guid leadId, string channel, string source, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var lead = await store.GetAsync(leadId, cancellationToken);
            if (lead is null) return null;
            if (lead.OptOuts.Contains(channel) || lead.OptOuts.Contains("all")) return false;
            var now = time.UtcNow();
            var revokesAll = options.Value.OptOutRevokesAllChannels && channel != "all";
            var scope = revokesAll ? "all" : channel;
            lead.OptOuts.Add(channel);
            if (revokesAll) lead.OptOuts.Add("all");
            var details = new Dictionary<string, string> { ["channel"] = channel, ["source"] = source };
            if (revokesAll) details["policy"] = "one opt-out revokes every channel";
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = "opted_out",
                Summary = revokesAll ? $"Opted out of {channel} ({source}), so of all contact (policy: one opt-out revokes every channel)" : $"Opted out of {channel} ({source})",
                Actor = actor,
                Details = details,
            });
            lead.Enqueue(new LeadOptedOut { LeadId = leadId, OccurredAt = now, Channel = scope, Source = source },
                now, lead.QuoteRequestIds.Count > 0 ? lead.QuoteRequestIds[^1] : null, leadId);
            try
            {
                await store.ReplaceAsync(lead, cancellationToken);
                logger.LogInformation("Lead {LeadId} opted out of {Channel} via {OptOutSource}", leadId, channel, source);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Changed meanwhile: read it again.
            }
        }
    }
}
