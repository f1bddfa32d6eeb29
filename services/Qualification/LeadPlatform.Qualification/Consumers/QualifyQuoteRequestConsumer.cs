using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification.Consumers;

/// <summary>
/// Decides each quote request once: the decision and its event are stored in one write (the event leaves through the
/// outbox), and a redelivered request (or a duplicate handled at the same time) finds its decision already there: the
/// insert is refused and nothing else is written or published. A lead that opted out of everything gets its
/// decision recorded but no event.
/// </summary>
public sealed class QualifyQuoteRequestConsumer(
    IQualificationStore decisions, ISuppressedLeadStore suppressed, QualificationDecider decider, ILogger<QualifyQuoteRequestConsumer> logger)
    : IConsumer<QuoteRequestSubmitted>
{
    public async Task Consume(ConsumeContext<QuoteRequestSubmitted> context)
    {
        var request = context.Message;
        if (request.Person is null || request.Inquiry is null || request.Consent is null)
            throw new InvalidMessageException($"QuoteRequestSubmitted {request.QuoteRequestId} lacks its person, inquiry or consent.");
        // No read first: the insert itself refuses a second decision on the request (its id is the request's), so a first
        // delivery, by far the common case, costs one look-up of the id instead of two.
        var decision = decider.Decide(request, request.QuoteRequestId, "submitted");
        var suppression = await suppressed.GetAsync(request.LeadId, context.CancellationToken);
        var isSuppressed = suppression is not null;
        // A request that arrives after its lead was erased is decided (so a redelivery finds it) but not kept.
        if (suppression?.Source == LeadErasureRequestedConsumer.ErasureSource) decision.Request = null;
        if (!isSuppressed) QualificationDecider.Announce(decision, context.ConversationId ?? request.QuoteRequestId);

        if (!await decisions.TryInsertAsync(decision, context.CancellationToken))
        {
            logger.LogInformation("Quote request {QuoteRequestId} was already qualified; redelivery ignored", request.QuoteRequestId);
            return;
        }

        if (isSuppressed)
            logger.LogInformation("Lead {LeadId} opted out of all contact: decision on {QuoteRequestId} recorded, not published", request.LeadId, request.QuoteRequestId);
        else if (decision.Eligible)
            logger.LogInformation("Lead {LeadId} qualified: tier {Tier}, score {Score}, clinical flags {Flags}, rule set {RuleSetVersion}",
                request.LeadId, decision.Tier, decision.Score, decision.Flags, decision.RuleSetVersion);
        else
            logger.LogInformation("Lead {LeadId} disqualified: {Rules}, rule set {RuleSetVersion}",
                request.LeadId, decision.Disqualifications.Select(d => d.Rule).ToArray(), decision.RuleSetVersion);
    }
}
