using System.Globalization;
using LeadPlatform.FollowUp.Sms;
using LeadPlatform.FollowUp.Dashboard;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.FollowUp.Inbox;

/// <summary>
/// The coordinators' inbox: the replies leads sent (inbound texts, <c>sms_received</c>, and email replies from the mail
/// provider's webhook, <c>email_received</c>), read from the leads' timelines — unread first, then the newest. Reading
/// state is kept on the timeline entry itself (who and when), so the lead page and the inbox agree.
/// It scans the leads first seen in the last <c>days</c> (default 90, at most 5,000 leads): enough for one clinic's
/// working set; a larger one needs an index of its own.
/// </summary>
internal sealed class LeadInbox(ILeadStore store, TimeProvider time, ILogger<LeadInbox> logger)
{
    public static readonly TimelineKind[] Kinds = [TimelineKind.SmsReceived, TimelineKind.EmailReceived];
    private const string ReadAtDetail = "readAt";
    private const string ReadByDetail = "readBy";

    public static string KeyOf(TimelineEntry e) => $"{e.Kind.Name()}-{e.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IReadOnlyList<InboxItem>> ListAsync(bool unreadOnly, int days, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - TimeSpan.FromDays(Math.Clamp(days, 1, 366));
        var leads = await store.FindCreatedSinceAsync(since, 5000, cancellationToken);
        return [.. leads
            .Where(l => l.MergedInto is null && l.ErasedAt is null)
            .SelectMany(l => l.Timeline.Where(e => Kinds.Contains(e.Kind)).Select(e => Item(l, e)))
            .Where(i => !unreadOnly || !i.Read)
            .OrderBy(i => i.Read)
            .ThenByDescending(i => i.At)];
    }

    private static InboxItem Item(LeadDocument lead, TimelineEntry e)
    {
        DateTimeOffset? readAt = e.Details.TryGetValue(ReadAtDetail, out var r)
            && DateTimeOffset.TryParse(r, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
        return new InboxItem(lead.Id, KeyOf(e), DashboardQueries.NameOf(lead), e.Kind == TimelineKind.EmailReceived ? "email" : "sms", e.At,
            e.Details.GetValueOrDefault("text") ?? e.Summary, readAt is not null, readAt, e.Details.GetValueOrDefault(ReadByDetail),
            e.Details.GetValueOrDefault(SmsWebhookEndpoints.FlagDetail) == SmsWebhookEndpoints.PossibleOptOut)
        {
            Subject = e.Details.GetValueOrDefault("subject"),
        };
    }

    /// <summary>Marks one reply read by <paramref name="by"/>; false when the lead or the reply does not exist.</summary>
    public async Task<bool> MarkReadAsync(Guid leadId, string key, string by, CancellationToken cancellationToken)
    {
        var found = false;
        await store.UpdateAsync(leadId, (lead, log) =>
        {
            var entry = lead.Timeline.Find(e => Kinds.Contains(e.Kind) && KeyOf(e) == key);
            found = entry is not null;
            if (entry is null || entry.Details.ContainsKey(ReadAtDetail)) return false;
            entry.Details[ReadAtDetail] = StoredTime.Truncate(time.GetUtcNow()).ToString("O", CultureInfo.InvariantCulture);
            entry.Details[ReadByDetail] = by;
            log.LogInformation("Reply {ReplyKey} of lead {LeadId} marked read", key, leadId);
            return true;
        }, new UpdateOptions<LeadDocument> { Logger = logger }, cancellationToken);
        return found;
    }
}
