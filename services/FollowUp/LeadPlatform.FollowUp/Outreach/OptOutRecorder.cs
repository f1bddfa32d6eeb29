using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
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
    /// <returns>null when there is no such lead; true when recorded now; false when it already was.</returns>
    /// <param name="addressOnly">The opt-out is about the address, not the person's wish (a hard bounce): never widened to <c>all</c> by the policy.</param>
    public async Task<bool?> OptOutAsync(Guid leadId, string channel, string source, string actor, CancellationToken cancellationToken, bool addressOnly = false)
    {
        // A merged lead's link opts the surviving lead out.
        var result = await store.UpdateCurrentAsync(leadId, (lead, log) =>
        {
            if (lead.OptOuts.Contains(channel) || lead.OptOuts.Contains("all")) return false;
            var now = time.UtcNow();
            var revokesAll = options.Value.OptOutRevokesAllChannels && channel != "all" && !addressOnly;
            var scope = revokesAll ? "all" : channel;
            lead.OptOuts.Add(channel);
            if (revokesAll) lead.OptOuts.Add("all");
            var details = new Dictionary<string, string> { ["channel"] = channel, ["source"] = source };
            if (revokesAll) details["policy"] = "one opt-out revokes every channel";
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = TimelineKind.OptedOut,
                Summary = source is "bounce" or "complaint" ? Suppressed(source, revokesAll) : revokesAll ? $"Opted out of {channel} ({source}), so of all contact (policy: one opt-out revokes every channel)" : $"Opted out of {channel} ({source})",
                Actor = actor,
                Details = details,
            });
            lead.Enqueue(new LeadOptedOut { LeadId = lead.Id, OccurredAt = now, Channel = scope, Source = source },
                now, lead.QuoteRequestIds.Count > 0 ? lead.QuoteRequestIds[^1] : null, lead.Id);
            log.LogInformation("Lead {LeadId} opted out of {Channel} via {OptOutSource}", lead.Id, channel, source);
            return true;
        }, logger, cancellationToken);
        return Outcome(result.Outcome);
    }

    private static bool? Outcome(UpdateOutcome outcome) => outcome switch
    {
        UpdateOutcome.NotFound => null,
        UpdateOutcome.Unchanged => false,
        UpdateOutcome.Updated => true,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>The timeline's words for an address the mail provider reported: bounced, or marked as spam.</summary>
    internal static string Suppressed(string source, bool revokesAll) =>
        (source == "bounce" ? "Email address suppressed: mail to it bounced (the address does not exist or refuses mail)"
            : "Email address suppressed: the person marked our email as spam")
        + (revokesAll ? ", so no contact at all (policy: one opt-out revokes every channel)" : "");

    /// <summary>The wording recorded as the consent of a START reply: the person texted the clinic's number themselves.</summary>
    public const string StartReplyConsentText = "The person replied START to the clinic's text messages: consent to receive texts again.";
    public const string StartReplyConsentVersion = "sms-start-v1";

    /// <summary>
    /// A START reply from the lead's own number: the opt-out of texts ends, and the reply is recorded as new SMS consent (on
    /// file, and in the consent history). Only texts: an opt-out of everything becomes one of email and calls. A submission
    /// never does this; only the person, through the channel itself.
    /// </summary>
    /// <returns>null when there is no such lead; true when recorded now; false when texts were allowed already.</returns>
    public async Task<bool?> OptInToSmsAsync(Guid leadId, CancellationToken cancellationToken)
    {
        var result = await store.UpdateCurrentAsync(leadId, (lead, log) =>
        {
            var optedOut = lead.OptOuts.Contains("sms") || lead.OptOuts.Contains("all");
            // A START from a number a coordinator corrected confirms it: consent given for the old number now holds for it.
            var confirmsCorrectedNumber = lead.ConsentedContact?.Phone is { } consented && lead.Person?.Phone is { } current && consented != current;
            if (!optedOut && lead.Consent?.Sms.Granted == true && !confirmsCorrectedNumber) return false;
            var now = time.UtcNow();
            lead.OptOuts.Remove("sms");
            if (lead.OptOuts.Remove("all")) lead.OptOuts.AddRange(new[] { "email", "phone" }.Except(lead.OptOuts).ToList());
            var consent = new ChannelConsent { Granted = true, Text = StartReplyConsentText, TextVersion = StartReplyConsentVersion, GrantedAt = now };
            var declined = new ChannelConsent { Granted = false };
            lead.Consent = (lead.Consent ?? new ConsentSnapshot { Email = declined, Sms = declined, Phone = declined }) with { Sms = consent };
            lead.ConsentHistory.Add(new ConsentRecord
            {
                At = now, Channel = "sms", Granted = true, Text = consent.Text, TextVersion = consent.TextVersion, Source = "sms_reply",
                LeadId = lead.Id, OnFile = true,
            });
            if (confirmsCorrectedNumber)
            {
                lead.ConsentedContact!.Phone = null;
                if (lead.ConsentedContact is { Phone: null, Email: null }) lead.ConsentedContact = null;
            }
            lead.Record(new TimelineEntry
            {
                At = now,
                Kind = TimelineKind.OptedIn,
                Summary = confirmsCorrectedNumber
                    ? "Confirmed the corrected number: the lead replied START from it (recorded as new SMS consent; texts and calls to it are allowed again)"
                    : optedOut ? "Opted in to texts again: the lead replied START (recorded as new SMS consent)" : "Consented to texts: the lead replied START",
                Actor = "lead",
                Details = new() { ["channel"] = "sms", ["source"] = "sms_reply" },
            });
            log.LogInformation("Lead {LeadId} opted in to {Channel} via {OptInSource}", lead.Id, "sms", "sms_reply");
            return true;
        }, logger, cancellationToken);
        return Outcome(result.Outcome);
    }
}
