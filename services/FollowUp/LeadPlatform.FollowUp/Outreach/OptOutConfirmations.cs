using LeadPlatform.Compliance;
using LeadPlatform.FollowUp.Storage;
using LeadPlatform.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadPlatform.FollowUp.Outreach;

/// <summary>
/// After an SMS opt-out reply: one short confirmation text (<see cref="OptOutConfirmation"/>) in the reply's language (or
/// the lead's), through the gate (which clears only that fixed text, so no claims review) and the SMS channel, recorded
/// like any outreach (evidence, timeline, <c>OutreachSent</c>). At most one goes to the same number within
/// <see cref="OptOutConfirmation.OnePerNumberWithin"/> (a store-backed marker, so replicas and restarts agree): a repeated
/// STOP gets none.
/// </summary>
internal sealed class OptOutConfirmations(OutreachSender sender, Markers markers, ILeadStore store, TimeProvider time, IOptions<FollowUpOptions> options,
    ILogger<OptOutConfirmations> logger)
{
    public const string MarkerKind = "sms-opt-out-confirmation";

    public async Task<OutreachOutcome?> SendAsync(string number, IReadOnlyList<LeadDocument> leads, string reply, string messageKey, CancellationToken cancellationToken)
    {
        // The lead the number belongs to most recently (one confirmation per number, not per lead).
        var lead = leads.OrderByDescending(l => l.CreatedAt).First();
        if (!await markers.TryClaimAsync(MarkerKind, number, owner: null, OptOutConfirmation.OnePerNumberWithin, cancellationToken))
        {
            logger.LogInformation("Opt-out confirmation for lead {LeadId} not sent: one went to the number within {Window}", lead.Id, OptOutConfirmation.OnePerNumberWithin);
            await RecordSkippedAsync(lead.Id, cancellationToken);
            return null;
        }

        var language = OptOutConfirmation.LanguageOf(reply, lead.Person?.Language);
        var outcome = await sender.SendAsync(lead.Id, new OutreachRequest
        {
            Channel = OutreachChannel.Sms,
            Body = OptOutConfirmation.Text(language, options.Value.ClinicDisplayName()),
            Author = OutreachDraft.OptOutConfirmationAuthor,
            Language = language,
            Kind = OutreachKinds.OptOutConfirmation,
            Key = "opt-out-confirmation:" + messageKey,
        }, CancellationToken.None);
        logger.LogInformation("Opt-out confirmation for lead {LeadId} in {Language}: {Outcome}", lead.Id, language, outcome.Kind);
        return outcome;
    }

    /// <summary>The skipped confirmation on the timeline; a lead that kept changing meanwhile (five attempts) goes without the entry.</summary>
    private Task RecordSkippedAsync(Guid leadId, CancellationToken cancellationToken) =>
        store.UpdateAsync(leadId, (lead, _) =>
        {
            lead.Record(new TimelineEntry
            {
                At = time.GetUtcNow(),
                Kind = TimelineKind.OptOutConfirmationSkipped,
                Summary = $"Opt-out reply received again: no second confirmation text (at most one within {OptOutConfirmation.OnePerNumberWithin.TotalMinutes:0} minutes)",
                Actor = "lead",
            });
            return true;
        }, new UpdateOptions<LeadDocument> { Attempts = 5, ConflictIsOutcome = true }, cancellationToken);
}
