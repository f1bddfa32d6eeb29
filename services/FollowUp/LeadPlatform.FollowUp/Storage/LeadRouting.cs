using Microsoft.Extensions.Logging;
using LeadPlatform.Storage;

namespace LeadPlatform.FollowUp.Storage;

/// <summary>
/// Where a lead lives now: a lead merged into another (<see cref="LeadDocument.MergedInto"/>) is reached through the one
/// that survived, so events, links and opt-outs for a merged-away lead keep arriving where the person is.
/// </summary>
public static class LeadRouting
{
    private const int MaxHops = 8;

    /// <summary>The lead with this id, or the lead it was merged into (followed to the end); null if follow-up has not heard of it.</summary>
    public static async Task<LeadDocument?> GetCurrentAsync(this ILeadStore store, Guid leadId, CancellationToken cancellationToken = default)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        for (var hop = 0; lead?.MergedInto is { } next && hop < MaxHops; hop++)
            lead = await store.GetAsync(next, cancellationToken) ?? lead;
        return lead;
    }

    /// <summary>The id of the lead that holds <paramref name="leadId"/>'s person now (itself unless merged).</summary>
    public static async Task<Guid> CurrentIdAsync(this ILeadStore store, Guid leadId, CancellationToken cancellationToken = default) =>
        (await store.GetCurrentAsync(leadId, cancellationToken))?.Id ?? leadId;

    /// <summary>
    /// The change applied to the lead that holds <paramref name="leadId"/>'s person now (itself unless merged), through
    /// <see cref="DocumentUpdates"/>: the lead found is the first attempt's, a conflict reads it again.
    /// </summary>
    public static async Task<UpdateResult<LeadDocument>> UpdateCurrentAsync(this ILeadStore store, Guid leadId, Func<LeadDocument, ILogger, bool> change,
        ILogger? logger, CancellationToken cancellationToken = default)
    {
        var current = await store.GetCurrentAsync(leadId, cancellationToken);
        return current is null
            ? new UpdateResult<LeadDocument>(UpdateOutcome.NotFound, null)
            : await store.UpdateAsync(current.Id, change, new UpdateOptions<LeadDocument> { Held = current, Logger = logger }, cancellationToken);
    }
}
