using LeadPlatform.Contracts;
using LeadPlatform.FollowUp.Outreach;
using LeadPlatform.FollowUp.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Consumers;

/// <summary>
/// Acknowledges a qualified lead as soon as its follow-up task exists, through the same gate, evidence ledger and
/// channels as a coordinator's outreach. One acknowledgement per task: its key is derived from the task id and checked
/// in the same optimistic write that records the outreach, so a redelivered or concurrent event sends nothing more.
/// A blocked acknowledgement (quiet hours for SMS, say) is on the timeline with its reasons and evidence.
/// </summary>
internal sealed class AcknowledgementConsumer(
    OutreachSender sender,
    ILeadStore store,
    LeadPlatform.Compliance.DisclaimerRegistry disclaimers,
    IOptions<FollowUpOptions> options,
    Markers markers,
    LeadPlatform.Storage.Privacy.PersonalDataProtector protector,
    TimeProvider time,
    ILogger<AcknowledgementConsumer> logger) : IConsumer<FollowUpTaskCreated>
{
    /// <summary>A person who comes back gets at most one automatic acknowledgement in this time.</summary>
    public static readonly TimeSpan OnePerPersonWithin = TimeSpan.FromDays(1);

    public async Task Consume(ConsumeContext<FollowUpTaskCreated> context)
    {
        var m = context.Message;
        if (!options.Value.Acknowledgements) return;
        var key = AcknowledgementTemplate.KeyFor(m.TaskId);
        var lead = await store.GetCurrentAsync(m.LeadId, context.CancellationToken); // the surviving lead, if it was merged
        if (lead is null || !lead.QuoteRequestIds.Contains(m.QuoteRequestId) || lead.Person is null)
        {
            // The task's event overtook the submission (contact data and consent): the bus tries again shortly.
            throw new LeadNotReadyException(m.LeadId, "its submission has not arrived yet");
        }

        var redelivered = context.ReceiveContext.Redelivered;
        if (OutreachSender.FindHandled(lead, key) is { } handled && !(redelivered && handled.Record?.Status == OutreachStatus.Sending))
        {
            logger.LogInformation("Acknowledgement of task {TaskId} for lead {LeadId} already handled; redelivery ignored", m.TaskId, m.LeadId);
            return;
        }

        var since = time.GetUtcNow() - OnePerPersonWithin;
        if (lead.Outreach.Exists(o => o.Kind == OutreachKinds.Acknowledgement && o.Key != key && o.Status is OutreachStatus.Sent or OutreachStatus.Sending && o.CreatedAt > since))
        {
            await sender.RecordSkippedAsync(lead, key, OutreachKinds.Acknowledgement, "the lead was acknowledged less than a day ago", context.CancellationToken);
            return;
        }

        if (lead.Submissions.Count > 0 && lead.Submissions.TrueForAll(s => s.Source?.FormId == Import.LeadImporter.FormId))
        {
            await sender.RecordSkippedAsync(lead.Id, key, OutreachKinds.Acknowledgement, "imported from a file: the person did not just ask, so nothing automatic is sent", context.CancellationToken);
            return;
        }

        if (AcknowledgementTemplate.ChannelFor(lead) is not { } channel)
        {
            await sender.RecordSkippedAsync(lead, key, OutreachKinds.Acknowledgement, "no consent to email or text the lead", context.CancellationToken);
            return;
        }

        // At most one automatic message per recipient address or number per window, whichever lead it belongs to: the
        // public form cannot make the clinic write to one address again and again. Counted by keyed hash (no address stored).
        var recipient = AcknowledgementTemplate.RecipientFor(lead, channel);
        var recipientKey = protector.LookupKey(recipient is null ? null : $"automatic:{channel}:{recipient}");
        if (recipientKey is not null
            && !await markers.TryClaimAsync("automatic-message", recipientKey, key, options.Value.AutomaticMessageWindow, context.CancellationToken))
        {
            await sender.RecordSkippedAsync(lead, key, OutreachKinds.Acknowledgement,
                "an automatic message already went to this address or number within the limit's window", context.CancellationToken);
            logger.LogInformation("Acknowledgement of task {TaskId} for lead {LeadId} skipped: the recipient's limit of automatic messages is reached", m.TaskId, m.LeadId);
            return;
        }

        var language = AcknowledgementTemplate.LanguageFor(lead, channel, disclaimers);
        // The lead read above goes to the sender as it is (no second read): a change meanwhile fails its write, then it reads afresh.
        var outcome = await sender.SendAsync(lead, AcknowledgementTemplate.For(lead, channel, key, context.ConversationId, language) with { ResumeInterrupted = redelivered },
            context.CancellationToken);
        logger.LogInformation("Acknowledgement of task {TaskId} for lead {LeadId} in {Language}: {Outcome}", m.TaskId, lead.Id, language, outcome.Kind);
    }
}
