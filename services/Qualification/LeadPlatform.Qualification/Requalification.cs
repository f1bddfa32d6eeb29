using LeadPlatform.Qualification.Storage;
using Microsoft.Extensions.Logging;

namespace LeadPlatform.Qualification;

/// <summary>
/// After a rule-set change: judges every decision in force again under the current rule set, and publishes a new
/// decision only where the outcome (eligibility or tier) changed. Safe to run twice: a re-decision's id is derived
/// from the request and the rule-set version.
/// </summary>
public sealed class Requalification(IQualificationStore decisions, ISuppressedLeadStore suppressed, QualificationDecider decider, ILogger<Requalification> logger)
{
    private const int PageSize = 200;

    public async Task<RequalificationReport> RunAsync(CancellationToken cancellationToken)
    {
        var (examined, changed, unchanged, skipped) = (0, 0, 0, 0);
        Guid? after = null;
        var madeByThisRun = new HashSet<Guid>();
        while (true)
        {
            var page = await decisions.FindCurrentAsync(after, PageSize, cancellationToken);
            if (page.Count == 0) break;
            after = page[^1].Id;
            foreach (var current in page)
            {
                if (madeByThisRun.Contains(current.Id)) continue; // a re-decision of this run, met again further on
                examined++;
                if (current.Request is null || await suppressed.GetAsync(current.LeadId, cancellationToken) is not null)
                {
                    skipped++;
                    continue;
                }
                if (current.RuleSetVersion == decider.RuleSetVersion)
                {
                    unchanged++;
                    continue;
                }
                var next = decider.Decide(current.Request, DecisionIds.For(current.QuoteRequestId, decider.RuleSetVersion), "requalified");
                if (next.Eligible == current.Eligible && next.Tier == current.Tier)
                {
                    unchanged++;
                    continue;
                }
                QualificationDecider.Announce(next, current.QuoteRequestId);
                if (!await decisions.TryInsertAsync(next, cancellationToken))
                {
                    skipped++; // already re-decided under this version by a concurrent run
                    continue;
                }
                madeByThisRun.Add(next.Id);
                current.Current = false;
                await decisions.ReplaceAsync(current, cancellationToken);
                changed++;
                logger.LogInformation("Lead {LeadId} re-qualified under rule set {RuleSetVersion}: {OldOutcome} {OldTier} → {NewOutcome} {NewTier}",
                    current.LeadId, decider.RuleSetVersion, Outcome(current), current.Tier, Outcome(next), next.Tier);
            }
        }
        logger.LogInformation("Re-qualification under rule set {RuleSetVersion}: {Examined} examined, {Changed} changed, {Unchanged} unchanged, {Skipped} skipped",
            decider.RuleSetVersion, examined, changed, unchanged, skipped);
        return new RequalificationReport(decider.RuleSetVersion, examined, changed, unchanged, skipped);
    }

    private static string Outcome(QualificationDocument decision) => decision.Eligible ? "qualified" : "disqualified";
}
