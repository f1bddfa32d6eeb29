using LeadPlatform.Contracts;
using LeadPlatform.Qualification.Rules;
using LeadPlatform.Qualification.Storage;
using LeadPlatform.Storage;

namespace LeadPlatform.Qualification;

/// <summary>Turns a quote request into a decision document, with the event that announces it when it is to be published.</summary>
public sealed class QualificationDecider(QualificationEngine engine, TimeProvider time)
{
    public string RuleSetVersion => engine.RuleSetVersion;

    public QualificationDocument Decide(QuoteRequestSubmitted request, Guid decisionId, string trigger)
    {
        var now = time.UtcNow();
        var outcome = engine.Evaluate(request, DateOnly.FromDateTime(now.UtcDateTime));
        return new QualificationDocument
        {
            Id = decisionId,
            QuoteRequestId = request.QuoteRequestId,
            LeadId = request.LeadId,
            Trigger = trigger,
            Eligible = outcome.Eligible,
            Tier = outcome.Tier,
            Score = outcome.Score,
            Reasons = [.. outcome.Reasons],
            Flags = [.. outcome.Flags],
            Disqualifications = [.. outcome.Disqualifications],
            RuleSetVersion = outcome.RuleSetVersion,
            DecidedAt = now,
            Request = request,
        };
    }

    /// <summary>Puts the decision's event in the document's outbox: LeadQualified or LeadDisqualified.</summary>
    public static void Announce(QualificationDocument decision, Guid? conversationId)
    {
        if (decision.Eligible)
        {
            decision.Enqueue(new LeadQualified
            {
                LeadId = decision.LeadId,
                QuoteRequestId = decision.QuoteRequestId,
                OccurredAt = decision.DecidedAt,
                Tier = decision.Tier,
                Score = decision.Score,
                Reasons = decision.Reasons,
                Flags = decision.Flags,
                RuleSetVersion = decision.RuleSetVersion,
            }, decision.DecidedAt, conversationId, decision.LeadId);
        }
        else
        {
            decision.Enqueue(new LeadDisqualified
            {
                LeadId = decision.LeadId,
                QuoteRequestId = decision.QuoteRequestId,
                OccurredAt = decision.DecidedAt,
                Reasons = decision.Disqualifications,
                RuleSetVersion = decision.RuleSetVersion,
            }, decision.DecidedAt, conversationId, decision.LeadId);
        }
    }
}
